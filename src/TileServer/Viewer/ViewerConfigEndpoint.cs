namespace TileServer.Viewer;

using System.Globalization;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Configuration;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Core.Serialization;
using TileServer.Services.Raster;

/// <summary><c>GET /viewer/config.json</c>: what the viewer needs in one document — the layers with their
/// Chinese and English titles, zoom ranges and bound style (the style documents of styles/ verbatim, for the
/// vector symbology and the legend), and the administrative units of the xzq layer with their extents (for
/// "jump to a unit" and for finding the unit in view). Built per request: the xzq table is one row per unit.</summary>
public static class ViewerConfigEndpoint
{
    /// <summary>The layer whose features are the units (行政区), and its code and name fields.</summary>
    public const string UnitLayer = "xzq";

    public static async Task<IResult> HandleAsync(ILayerCatalog catalog, RasterStyleBinder styles, EndpointDataSource endpoints, CancellationToken cancellationToken)
    {
        var layers = new JsonArray();
        var usedStyles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var layer in catalog.Layers)
        {
            var d = layer.Definition;
            var style = styles.Find(layer);
            if (style is not null)
            {
                usedStyles.Add(style.Painter.Style.Id);
            }

            var extent = layer.Info.Extent;
            layers.Add(new JsonObject
            {
                ["id"] = d.Id,
                ["title_zh"] = d.TitleZh,
                ["title_en"] = d.TitleEn,
                ["minzoom"] = d.MinZoom,
                ["maxzoom"] = d.MaxZoom,
                ["style"] = style?.Painter.Style.Id,
                ["styleSourceLayer"] = style?.SourceLayer,
                ["fields"] = new JsonArray(layer.ExposedFields.Select(f => (JsonNode?)JsonValue.Create(f.Name)).ToArray()),
                ["bounds"] = extent.IsEmpty ? null : new JsonArray(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY),
            });
        }

        return Results.Text(new JsonObject
        {
            ["layers"] = layers,
            ["styles"] = ReadStyles(usedStyles),
            ["units"] = await ReadUnitsAsync(catalog, cancellationToken).ConfigureAwait(false),
            ["links"] = new JsonObject
            {
                ["wmtsCapabilities"] = "/wmts/1.0.0/WMTSCapabilities.xml",
                ["vectorTiles"] = "/tiles/{layer}/{z}/{x}/{y}.mvt",
                // Null when this server has no indicator endpoint, so the viewer asks for none (no failed requests).
                ["indicators"] = HasRoute(endpoints, "indicators/") ? "/indicators/{xzqdm}?f=json" : null,
                // The server's legends (/styles/{id}/legend.json) when published; else the viewer derives the
                // legend from the style documents above.
                ["legend"] = HasRoute(endpoints, "styles/{id}/legend.json") ? "/styles/{id}/legend.json" : null,
            },
        }.ToJsonString(JsonOutput.Options), "application/json");
    }

    private static bool HasRoute(EndpointDataSource endpoints, string prefix) =>
        endpoints.Endpoints.OfType<RouteEndpoint>().Any(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith(prefix, StringComparison.Ordinal) == true);

    /// <summary>The style documents by id, as written in styles/*.json (the registry validated them at start-up).</summary>
    private static JsonObject ReadStyles(IReadOnlySet<string> ids)
    {
        var result = new JsonObject();
        string directory = Path.Combine(ProjectPaths.FindRoot(), "styles");
        foreach (string file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var document = JsonNode.Parse(File.ReadAllText(file));
            if (document?["id"]?.GetValue<string>() is { } id && ids.Contains(id) && !result.ContainsKey(id))
            {
                result[id] = document;
            }
        }

        return result;
    }

    private static async Task<JsonArray> ReadUnitsAsync(ILayerCatalog catalog, CancellationToken cancellationToken)
    {
        var units = new JsonArray();
        if (!catalog.TryGet(UnitLayer, out var layer))
        {
            return units;
        }

        var boxes = new SortedDictionary<string, (string Name, Envelope Box)>(StringComparer.Ordinal);
        var reader = new WKBReader();
        var query = new FeatureQuery(layer.Definition.Table, Bounds: null, Fields: ["xzqdm", "xzqmc"]);
        await foreach (var feature in layer.Source.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            string code = Convert.ToString(feature.Values[0], CultureInfo.InvariantCulture) ?? "";
            string name = Convert.ToString(feature.Values[1], CultureInfo.InvariantCulture) ?? "";
            var envelope = reader.Read(feature.Wkb.ToArray()).EnvelopeInternal;
            if (code.Length == 0 || envelope.IsNull)
            {
                continue;
            }

            // A unit stored as several rows (parts) is one unit with the union of their extents.
            if (boxes.TryGetValue(code, out var known))
            {
                envelope.ExpandToInclude(known.Box);
            }

            boxes[code] = (name, envelope);
        }

        foreach (var (code, (name, box)) in boxes)
        {
            units.Add(new JsonObject
            {
                ["xzqdm"] = code,
                ["xzqmc"] = name,
                ["bbox"] = new JsonArray(box.MinX, box.MinY, box.MaxX, box.MaxY),
            });
        }

        return units;
    }
}
