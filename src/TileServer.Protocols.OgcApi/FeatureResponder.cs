namespace TileServer.Protocols.OgcApi;

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Serialization;
using TileServer.Services.Features;

/// <summary><c>/collections/{id}/items/{featureId}</c> (Part 1 §7.16): one feature by its integer row id, as a
/// GeoJSON Feature with self, alternate and collection links, or as an HTML page; 404 when there is none.</summary>
public static class FeatureResponder
{
    /// <summary>The feature, or null when the id is not an id of the collection.</summary>
    public static async Task<FeatureItem?> FindAsync(FeatureService features, string layerId, string featureId, CrsReference crs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(crs);
        if (!long.TryParse(featureId, NumberStyles.None, CultureInfo.InvariantCulture, out long fid))
            return null;
        var request = new FeatureRequest { LayerId = layerId, Filter = new IdFilter([fid]), Limit = 1, OutputCrs = crs.Crs };
        await foreach (var item in features.QueryAsync(request, cancellationToken).ConfigureAwait(false))
            return item;
        return null;
    }

    public static string Json(HttpRequest request, string layerId, FeatureItem item, CrsReference crs)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(crs);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ItemsResponder.WriterOptions))
            GeoJsonFeatureWriter.WriteFeature(json, item, new GeoJsonOptions { SwapAxes = crs.SwapsAxes });
        var feature = JsonNode.Parse(buffer.ToArray())!.AsObject();
        string collection = $"{RequestUrls.Base(request)}/collections/{Uri.EscapeDataString(layerId)}";
        feature["links"] = OgcLink.Array([
            new(RequestUrls.WithQuery(request, ("f", "json")), "self", OgcMediaTypes.GeoJson, "This feature"),
            new(RequestUrls.WithQuery(request, ("f", "html")), "alternate", OgcMediaTypes.Html, "This feature as HTML"),
            new($"{collection}?f=json", "collection", OgcMediaTypes.Json, "The collection"),
        ]);
        return feature.ToJsonString(JsonOutput.Options);
    }

    public static string Html(HttpRequest request, string layerId, FeatureItem item)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(item);
        string baseUrl = RequestUrls.Base(request);
        string collection = $"{baseUrl}/collections/{Uri.EscapeDataString(layerId)}";
        string id = item.Fid.ToString(CultureInfo.InvariantCulture);
        var envelope = item.Geometry.EnvelopeInternal;
        var page = new HtmlPage($"{layerId} {id}", RequestUrls.WithQuery(request, ("f", "json")),
                ($"{baseUrl}/?f=html", "Home"), ($"{baseUrl}/collections?f=html", "Collections"),
                ($"{collection}?f=html", layerId), ($"{collection}/items?f=html", "Features"))
            .Paragraph(item.Geometry.IsEmpty ? "Geometry: empty" : string.Create(CultureInfo.InvariantCulture,
                $"Geometry: {item.Geometry.GeometryType}, {item.Geometry.NumPoints} points, envelope {envelope.MinX}, {envelope.MinY}, {envelope.MaxX}, {envelope.MaxY} (CRS84)"))
            .StartTable("Property", "Title", "Value");
        for (int i = 0; i < item.Fields.Count; i++)
            page.Row(new HtmlCell(item.Fields[i].Name, Code: true), item.Fields[i].TitleZh, Convert.ToString(item.Values[i], CultureInfo.InvariantCulture));
        return page.EndTable().ToString();
    }
}
