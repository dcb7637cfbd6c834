namespace TileServer.Protocols.OgcApi;

using System.Text.Json.Nodes;
using TileServer.Core.Crs;
using TileServer.Core.Features;
using TileServer.Core.Layers;

/// <summary>The JSON documents of the landing page (Part 1 §7.2), conformance (§7.4), collections (§7.13),
/// one collection (§7.14, Part 2 §6.2) and queryables (OGC API – Features Part 3 §6.2, JSON Schema 2020-12).</summary>
public static class CollectionDocuments
{
    public static JsonObject Landing(IReadOnlyList<PublishedLayer> layers, string baseUrl, OgcApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        var layerArray = new JsonArray();
        foreach (var layer in layers)
        {
            var d = layer.Definition;
            // The per-layer summary the landing page had before OGC API; extra members are allowed (§7.2.2).
            layerArray.Add(new JsonObject
            {
                ["id"] = d.Id,
                ["title_zh"] = d.TitleZh,
                ["title_en"] = d.TitleEn,
                ["minzoom"] = d.MinZoom,
                ["maxzoom"] = d.MaxZoom,
                ["features"] = layer.Info.FeatureCount,
                ["links"] = OgcLink.Array([
                    new($"{baseUrl}/collections/{d.Id}", "collection", OgcMediaTypes.Json, "OGC API collection"),
                    new($"{baseUrl}/tiles/{d.Id}.json", "describedby", OgcMediaTypes.Json, "TileJSON"),
                    new($"{baseUrl}/tiles/{d.Id}/{{z}}/{{x}}/{{y}}.mvt", "item", OgcMediaTypes.Mvt, "Vector tiles (WebMercatorQuad)"),
                ]),
            });
        }

        string all = string.Join(',', layers.Select(l => l.Id));
        return new JsonObject
        {
            ["title"] = options.Title,
            ["description"] = options.Description,
            ["links"] = OgcLink.Array([
                new($"{baseUrl}/?f=json", "self", OgcMediaTypes.Json, "This document"),
                new($"{baseUrl}/?f=html", "alternate", OgcMediaTypes.Html, "This document as HTML"),
                new($"{baseUrl}/api", "service-desc", OgcMediaTypes.OpenApi, "The API definition (OpenAPI 3.0)"),
                new($"{baseUrl}/api?f=html", "service-doc", OgcMediaTypes.Html, "The API documentation"),
                new($"{baseUrl}/conformance", OgcRelations.Conformance, OgcMediaTypes.Json, "Conformance classes implemented"),
                new($"{baseUrl}/collections", OgcRelations.Data, OgcMediaTypes.Json, "The feature collections"),
                new($"{baseUrl}/tileMatrixSets", OgcRelations.TilingSchemes, OgcMediaTypes.Json, "Tile matrix sets"),
                new($"{baseUrl}/tiles", OgcRelations.TilesetsVector, OgcMediaTypes.Json, "Vector tiles of all layers"),
                new($"{baseUrl}/map/tiles", OgcRelations.TilesetsMap, OgcMediaTypes.Json, "Map tiles (PNG) of all layers"),
                new($"{baseUrl}/tiles/{all}.json", "tiles", OgcMediaTypes.Json, "TileJSON of all layers"),
                .. options.LandingLinks.Select(link => new OgcLink($"{baseUrl}{link.Path}", link.Rel, link.Type, link.Title)),
            ]),
            ["layers"] = layerArray,
        };
    }

    /// <summary>The collection's tilesets-vector link, deliberately without "type" (RFC 8288 makes it a hint;
    /// OGC API – Tiles only recommends it). GDAL 3.6's OGCAPI driver (Debian 12) follows a typed tilesets-map and
    /// a typed tilesets-vector link one after the other and keeps the second result, so a raster open (gdalinfo)
    /// that succeeded on the map tiles is overwritten by the vector attempt, which cannot yield bands, and fails;
    /// Debian's build also lacks the driver's vector-tile reader. It only takes a tilesets-vector link typed
    /// application/json, so leaving the type out lets gdalinfo open the PNG tilesets there. Current GDAL (its
    /// master source) tries the vector link only when the map one fails and accepts an untyped link, so it reads both.</summary>
    private static JsonObject VectorTilesetsLink(string self) => new()
    {
        ["href"] = $"{self}/tiles",
        ["rel"] = OgcRelations.TilesetsVector,
        ["title"] = "Vector tilesets (MVT, application/json)",
    };

    public static JsonObject Conformance() =>
        new() { ["conformsTo"] = new JsonArray([.. OgcConformance.Classes.Select(c => (JsonNode)c)]) };

    public static JsonObject Collections(IReadOnlyList<PublishedLayer> layers, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var collections = new JsonArray();
        foreach (var layer in layers)
            collections.Add(Collection(layer, baseUrl));
        return new JsonObject
        {
            ["links"] = OgcLink.Array([
                new($"{baseUrl}/collections?f=json", "self", OgcMediaTypes.Json, "This document"),
                new($"{baseUrl}/collections?f=html", "alternate", OgcMediaTypes.Html, "This document as HTML"),
            ]),
            // Part 2 §6.2.1: the CRS list shared by all collections.
            ["crs"] = CrsArray(),
            ["collections"] = collections,
        };
    }

    public static JsonObject Collection(PublishedLayer layer, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var d = layer.Definition;
        string self = $"{baseUrl}/collections/{Uri.EscapeDataString(d.Id)}";
        var document = new JsonObject
        {
            ["id"] = d.Id,
            ["title"] = string.IsNullOrEmpty(d.TitleZh) ? d.Id : d.TitleZh,
            ["description"] = d.TitleEn,
            ["links"] = OgcLink.Array([
                new($"{self}?f=json", "self", OgcMediaTypes.Json, "This collection"),
                new($"{self}?f=html", "alternate", OgcMediaTypes.Html, "This collection as HTML"),
                new($"{self}/items?f=json", OgcRelations.Items, OgcMediaTypes.GeoJson, "Features as GeoJSON"),
                new($"{self}/items?f=html", OgcRelations.Items, OgcMediaTypes.Html, "Features as HTML"),
                new($"{self}/queryables", OgcRelations.Queryables, OgcMediaTypes.JsonSchema, "Queryable properties"),
                new($"{self}/map/tiles", OgcRelations.TilesetsMap, OgcMediaTypes.Json, "Map tilesets (PNG)"),
            ]),
            ["itemType"] = "feature",
            ["crs"] = CrsArray(),
            ["storageCrs"] = OgcCrs.StorageCrsUri,
        };
        document["links"]!.AsArray().Add(VectorTilesetsLink(self));
        var extent = layer.Info.Extent;
        if (!extent.IsEmpty)
        {
            // §7.14: the spatial extent in CRS84 (storage lon/lat equals CRS84 at this precision).
            document["extent"] = new JsonObject
            {
                ["spatial"] = new JsonObject
                {
                    ["bbox"] = new JsonArray(new JsonArray(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY)),
                    ["crs"] = CrsRegistry.Crs84.Uri,
                },
            };
        }

        return document;
    }

    public static JsonObject Queryables(PublishedLayer layer, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var properties = new JsonObject
        {
            ["geometry"] = new JsonObject { ["format"] = GeometryFormat(layer.Info.GeometryKind), ["x-ogc-role"] = "primary-geometry" },
        };
        foreach (var field in layer.ExposedFields)
        {
            var property = new JsonObject
            {
                ["title"] = field.TitleZh ?? field.Name,
                ["type"] = field.Type switch { FieldType.Integer => "integer", FieldType.Real => "number", _ => "string" },
            };
            properties[field.Name] = property;
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"{baseUrl}/collections/{Uri.EscapeDataString(layer.Id)}/queryables",
            ["type"] = "object",
            ["title"] = string.IsNullOrEmpty(layer.Definition.TitleZh) ? layer.Id : layer.Definition.TitleZh,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    private static JsonArray CrsArray() => new([.. OgcCrs.SupportedUris.Select(u => (JsonNode)u)]);

    /// <summary>Part 3 §6.2 geometry formats: geometry-point … geometry-multipolygon, geometry-any.</summary>
    private static string GeometryFormat(GeometryKind kind) =>
        kind == GeometryKind.Geometry ? "geometry-any" : "geometry-" + kind.ToString().ToLowerInvariant();
}
