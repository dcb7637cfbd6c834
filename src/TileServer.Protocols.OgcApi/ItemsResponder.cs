namespace TileServer.Protocols.OgcApi;

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TileServer.Services.Features;

/// <summary>Writes <c>/collections/{id}/items</c> as a GeoJSON FeatureCollection (Part 1 §7.15.8 with
/// numberMatched, numberReturned, timeStamp and next/prev links) streamed feature by feature, or as an HTML table.
/// numberMatched is counted first so the next link is known; numberReturned and the links follow the features.
/// The count stops at <see cref="OgcApiOptions.ExactCountLimit"/> matches or just past the page, whichever is
/// further; beyond it numberMatched is left out (optional in Part 1 §7.15.8) and the next link still follows.</summary>
public static class ItemsResponder
{
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteGeoJsonAsync(HttpContext context, FeatureService features, ItemsQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(query);
        var cancel = context.RequestAborted;
        var matched = await features.CountUpToAsync(query.Request, OgcApiEndpoints.Options(context).ExactCountLimit, cancel).ConfigureAwait(false);
        string timeStamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = OgcMediaTypes.GeoJson;
        response.Headers["Content-Crs"] = OgcCrs.HeaderValue(query.Crs);
        if (HttpMethods.IsHead(context.Request.Method))
            return;

        await using var json = new Utf8JsonWriter(response.Body, WriterOptions);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        var options = new GeoJsonOptions { SwapAxes = query.Crs.SwapsAxes };
        long returned = await GeoJsonFeatureWriter.WriteFeaturesAsync(json, features.QueryAsync(query.Request, cancel), options, cancel).ConfigureAwait(false);
        json.WriteEndArray();
        if (matched.IsExact)
            json.WriteNumber("numberMatched", matched.Value);
        json.WriteNumber("numberReturned", returned);
        json.WriteString("timeStamp", timeStamp);
        json.WriteStartArray("links");
        foreach (var link in PageLinks(context.Request, query, matched, OgcMediaTypes.GeoJson))
            link.Write(json);
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>self, alternate, and next/prev by offset (§7.15.8, /rec/core/fc-next-1).</summary>
    public static IReadOnlyList<OgcLink> PageLinks(HttpRequest request, ItemsQuery query, MatchCount matched, string type)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(query);
        bool html = type == OgcMediaTypes.Html;
        string f = html ? "html" : "json";
        var links = new List<OgcLink>
        {
            new(RequestUrls.WithQuery(request, ("f", f)), "self", type, "This page"),
            new(RequestUrls.WithQuery(request, ("f", html ? "json" : "html")), "alternate", html ? OgcMediaTypes.GeoJson : OgcMediaTypes.Html, html ? "This page as GeoJSON" : "This page as HTML"),
        };
        if (matched.HasMoreThan(query.Offset, query.Limit))
        {
            string next = (query.Offset + query.Limit).ToString(CultureInfo.InvariantCulture);
            links.Add(new(RequestUrls.WithQuery(request, ("f", f), ("offset", next), ("limit", Invariant(query.Limit))), "next", type, "Next page"));
        }

        if (matched.PreviousPageStart(query.Offset, query.Limit) is { } previous)
            links.Add(new(RequestUrls.WithQuery(request, ("f", f), ("offset", Invariant(previous)), ("limit", Invariant(query.Limit))), "prev", type, "Previous page"));

        return links;
    }

    public static async Task<string> HtmlAsync(HttpContext context, FeatureService features, ItemsQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(query);
        var cancel = context.RequestAborted;
        var layer = features.Layer(query.Request.LayerId);
        string baseUrl = RequestUrls.Base(context.Request);
        string collection = $"{baseUrl}/collections/{Uri.EscapeDataString(layer.Id)}";
        var matched = await features.CountUpToAsync(query.Request, OgcApiEndpoints.Options(context).ExactCountLimit, cancel).ConfigureAwait(false);
        var page = new HtmlPage($"{(string.IsNullOrEmpty(layer.Definition.TitleZh) ? layer.Id : layer.Definition.TitleZh)} — features",
            RequestUrls.WithQuery(context.Request, ("f", "json")),
            ($"{baseUrl}/?f=html", "Home"), ($"{baseUrl}/collections?f=html", "Collections"), ($"{collection}?f=html", layer.Id));
        page.Paragraph(matched.IsExact
            ? query.Offset >= matched.Value
                ? string.Create(CultureInfo.InvariantCulture, $"{matched.Value} features match; this page starts past the last of them.")
                : string.Create(CultureInfo.InvariantCulture, $"{matched.Value} features match; showing {query.Offset + 1}–{Math.Min(matched.Value, query.Offset + query.Limit)}.")
            : string.Create(CultureInfo.InvariantCulture, $"More than {query.Offset + query.Limit} features match; showing {query.Offset + 1}–{query.Offset + query.Limit}."));
        var headers = new List<string> { "id" };
        headers.AddRange(layer.ExposedFields.Select(f => f.Name));
        page.StartTable([.. headers]);
        await foreach (var item in features.QueryAsync(query.Request, cancel).ConfigureAwait(false))
        {
            var cells = new HtmlCell[item.Values.Length + 1];
            string id = Invariant(item.Fid);
            cells[0] = new HtmlCell(id, $"{collection}/items/{id}?f=html");
            for (int i = 0; i < item.Values.Length; i++)
                cells[i + 1] = Convert.ToString(item.Values[i], CultureInfo.InvariantCulture);
            page.Row(cells);
        }

        page.EndTable();
        foreach (var link in PageLinks(context.Request, query, matched, OgcMediaTypes.Html))
        {
            if (link.Rel is "next" or "prev")
                page.Link(link.Href, link.Title);
        }

        return page.ToString();
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
