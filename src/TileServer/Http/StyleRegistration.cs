namespace TileServer.Http;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TileServer.Core.Layers;
using TileServer.Core.Serialization;
using TileServer.Services.Features;
using TileServer.Services.Raster;
using TileServer.Services.Styles;
using TileServer.Styling;

/// <summary>The style resources: <c>/styles</c> (index), <c>/styles/{id}.json</c> (MapLibre GL style over
/// this server's vector tiles), <c>/styles/{id}/legend.png</c> and <c>/styles/{id}/legend.json</c>. Unknown
/// style ids are 404 problem documents (RFC 9457). Each answer carries a weak ETag of its body, so clients and proxies
/// revalidate with If-None-Match and get 304 (RFC 9110 §13.1.2); weak, because the text middleware may gzip the body
/// and a strong validator would have to differ per content coding (§8.8.3).</summary>
public static class StyleRegistration
{
    private const int MaxAgeSeconds = 3600;

    /// <summary>RFC 9110 §9.1: HEAD wherever GET is served.</summary>
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddStyles(this IServiceCollection services) =>
        services.AddSingleton(sp => new StyleCatalog(sp.GetRequiredService<RasterStyleBinder>(), sp.GetRequiredService<ILayerCatalog>()));

    public static IEndpointRouteBuilder MapStyles(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/styles", GetOrHead, (HttpContext context, StyleCatalog styles) => Index(context, styles));
        app.MapMethods("/styles/{id}.json", GetOrHead, (HttpContext context, StyleCatalog styles, string id) => MapLibreAsync(context, styles, id));
        app.MapMethods("/styles/{id}/legend.png", GetOrHead, (HttpContext context, StyleCatalog styles, string id) => LegendPng(context, styles, id));
        app.MapMethods("/styles/{id}/legend.json", GetOrHead, (HttpContext context, StyleCatalog styles, string id) => LegendJson(context, styles, id));
        return app;
    }

    private static IResult Index(HttpContext context, StyleCatalog styles)
    {
        string baseUrl = BaseUrl(context.Request);
        var list = new JsonArray();
        foreach (StyleDocument style in styles.Styles)
        {
            list.Add(new JsonObject
            {
                ["id"] = style.Id,
                ["version"] = style.Version,
                ["title_zh"] = style.Title.Zh,
                ["title_en"] = style.Title.En,
                ["layers"] = new JsonArray([.. styles.LayersOf(style).Select(l => JsonValue.Create(l.Id))]),
                ["style"] = StyleLegends.StyleUrl(baseUrl, style.Id),
                ["legend_png"] = StyleLegends.PngUrl(baseUrl, style.Id),
                ["legend_json"] = StyleLegends.JsonUrl(baseUrl, style.Id),
            });
        }

        return Json(context, new JsonObject { ["styles"] = list });
    }

    private static async Task<IResult> MapLibreAsync(HttpContext context, StyleCatalog styles, string id)
    {
        if (!styles.TryGet(id, out var style))
        {
            return NotFound(id);
        }

        var document = styles.MapLibreStyle(style, BaseUrl(context.Request));
        if (document is null)
        {
            return Results.Problem(detail: $"style '{id}' draws no published layer", statusCode: StatusCodes.Status404NotFound, title: "Style not published");
        }

        // The initial view (style spec root center and zoom): on a layer's data at the lowest zoom that layer is drawn,
        // instead of MapLibre's default of zoom 0, where a layer starting at zoom 10 shows nothing.
        if (await context.RequestServices.GetRequiredService<LayerCentres>().FirstWithDataAsync(styles.LayersOf(style), context.RequestAborted) is { } centre)
        {
            document["center"] = new JsonArray(Math.Round(centre.Longitude, 7), Math.Round(centre.Latitude, 7));
            document["zoom"] = centre.Layer.Definition.MinZoom;
        }

        return Json(context, document);
    }

    private static IResult LegendPng(HttpContext context, StyleCatalog styles, string id)
    {
        if (!styles.TryGet(id, out var style))
        {
            return NotFound(id);
        }

        return Cached(context, StyleLegends.For(style).Png, "image/png");
    }

    private static IResult LegendJson(HttpContext context, StyleCatalog styles, string id) =>
        styles.TryGet(id, out var style) ? Json(context, StyleLegends.For(style).ToJson()) : NotFound(id);

    private static IResult Json(HttpContext context, JsonNode document) =>
        Cached(context, Encoding.UTF8.GetBytes(document.ToJsonString(JsonOutput.Options)), "application/json");

    /// <summary>The body with Cache-Control and its ETag, or 304 when the client's If-None-Match names it.</summary>
    private static IResult Cached(HttpContext context, byte[] body, string contentType)
    {
        string etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
        context.Response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        context.Response.Headers.ETag = etag;
        if (contentType == "application/json")
        {
            // The text middleware gzips JSON for clients that accept it, so the answer varies with Accept-Encoding
            // whatever this request sent, and a 304 carries the Vary of its 200 (RFC 9110 §12.5.5, §15.4.5).
            context.Response.Headers.Vary = "Accept-Encoding";
        }

        if (!ConditionalRequest.IfNoneMatchMatches(context.Request, etag))
        {
            return Results.Bytes(body, contentType);
        }

        return Results.StatusCode(StatusCodes.Status304NotModified);
    }

    private static IResult NotFound(string id) =>
        Results.Problem(detail: $"unknown style '{id}'", statusCode: StatusCodes.Status404NotFound, title: "Style not found");

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
