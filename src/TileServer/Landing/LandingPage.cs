namespace TileServer.Landing;

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TileServer.Core.Layers;
using TileServer.Core.Serialization;

/// <summary><c>GET /</c>: the layers and their links, as HTML for browsers and JSON for
/// <c>?f=json</c> or <c>Accept: application/json</c>.</summary>
public static class LandingPage
{
    public static IEndpointRouteBuilder MapLandingPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Render);
        return app;
    }

    private static IResult Render(HttpContext context, ILayerCatalog catalog)
    {
        string? format = context.Request.Query["f"];
        if (format is not (null or "" or "json" or "html"))
        {
            return Results.Problem(detail: $"unknown format '{format}' (use json or html)", statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid parameter", extensions: new Dictionary<string, object?> { ["parameter"] = "f" });
        }

        bool json = format == "json" || (format != "html" && PrefersJson(context.Request));
        string baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return json
            ? Results.Text(BuildJson(catalog, baseUrl).ToJsonString(JsonOutput.Options), "application/json")
            : Results.Content(BuildHtml(catalog, baseUrl), "text/html; charset=utf-8");
    }

    private static bool PrefersJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double jsonQuality = 0, htmlQuality = 0;
        foreach (var media in accept)
        {
            double q = media.Quality ?? 1;
            if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) jsonQuality = Math.Max(jsonQuality, q);
            if (media.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)) htmlQuality = Math.Max(htmlQuality, q);
        }

        return jsonQuality > htmlQuality;
    }

    private static JsonObject BuildJson(ILayerCatalog catalog, string baseUrl)
    {
        var layers = new JsonArray();
        foreach (var layer in catalog.Layers)
        {
            var d = layer.Definition;
            layers.Add(new JsonObject
            {
                ["id"] = d.Id,
                ["title_zh"] = d.TitleZh,
                ["title_en"] = d.TitleEn,
                ["minzoom"] = d.MinZoom,
                ["maxzoom"] = d.MaxZoom,
                ["features"] = layer.Info.FeatureCount,
                ["links"] = new JsonArray(
                    Link($"{baseUrl}/tiles/{d.Id}.json", "describedby", "application/json", "TileJSON"),
                    Link($"{baseUrl}/tiles/{d.Id}/{{z}}/{{x}}/{{y}}.mvt", "item", "application/vnd.mapbox-vector-tile", "Vector tiles (WebMercatorQuad)")),
            });
        }

        string all = string.Join(',', catalog.Layers.Select(l => l.Id));
        return new JsonObject
        {
            ["title"] = "TileServer",
            ["description"] = "国土空间总体规划 三条控制线与规划用地用海 — tiles and features of the territorial spatial master plans",
            ["links"] = new JsonArray(
                Link($"{baseUrl}/?f=json", "self", "application/json", "This document"),
                Link($"{baseUrl}/?f=html", "alternate", "text/html", "This document as HTML"),
                Link($"{baseUrl}/tiles/{all}.json", "tiles", "application/json", "TileJSON of all layers"),
                Link($"{baseUrl}/viewer/", "related", "text/html", "Map viewer 地图浏览")),
            ["layers"] = layers,
        };
    }

    private static JsonObject Link(string href, string rel, string type, string title) =>
        new() { ["href"] = href, ["rel"] = rel, ["type"] = type, ["title"] = title };

    private static string BuildHtml(ILayerCatalog catalog, string baseUrl)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>TileServer</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}</style></head><body>")
            .Append("<h1>TileServer</h1><p>国土空间总体规划 三条控制线与规划用地用海 — territorial spatial master plans.</p>")
            .Append("<p><a href=\"viewer/\">地图浏览 Map viewer</a> · <a href=\"?f=json\">JSON</a></p><table><tr><th>Layer</th><th>名称</th><th>Name</th><th>Zooms</th><th>Features</th><th>Links</th></tr>");
        foreach (var layer in catalog.Layers)
        {
            var d = layer.Definition;
            string id = WebUtility.HtmlEncode(d.Id);
            html.Append($"<tr><td><code>{id}</code></td><td>{WebUtility.HtmlEncode(d.TitleZh)}</td><td>{WebUtility.HtmlEncode(d.TitleEn)}</td>")
                .Append($"<td>{d.MinZoom}–{d.MaxZoom}</td><td>{layer.Info.FeatureCount}</td>")
                .Append($"<td><a href=\"{baseUrl}/tiles/{id}.json\">TileJSON</a> · <code>{baseUrl}/tiles/{id}/{{z}}/{{x}}/{{y}}.mvt</code></td></tr>");
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }
}
