namespace TileServer.Protocols.OgcApi;

using System.Text.Json.Nodes;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Tiles;

/// <summary>Tileset lists and tileset metadata of OGC API – Tiles 1.0 (§7.x tilesets-list, tileset; OGC 2D-TMS
/// TileSetMetadata JSON): one tileset per tile matrix set. Vector tiles (MVT) exist on the set the vector tile
/// service produces (WebMercatorQuad); PNG map tiles on every set.</summary>
public static class TilesetDocuments
{
    public static bool HasVectorTiles(TileMatrixSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Id == VectorTileService.TileMatrixSetId;
    }

    /// <param name="root">"{base}/collections/{id}" for a collection, "{base}" for the dataset.</param>
    public static JsonObject List(IReadOnlyList<PublishedLayer> layers, string root, string title)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var tilesets = new JsonArray();
        foreach (var set in TileMatrixSets.All)
        {
            var entry = Summary(set, title);
            entry["links"] = OgcLink.Array([
                new($"{root}/tiles/{set.Id}", "self", OgcMediaTypes.Json, $"{title} tileset in {set.Id}"),
                new($"{Base(root)}/tileMatrixSets/{set.Id}", OgcRelations.TilingScheme, OgcMediaTypes.Json, set.Title),
            ]);
            tilesets.Add(entry);
        }

        return new JsonObject
        {
            ["links"] = OgcLink.Array([new($"{root}/tiles?f=json", "self", OgcMediaTypes.Json, "This document")]),
            ["tilesets"] = tilesets,
        };
    }

    public static JsonObject Tileset(IReadOnlyList<PublishedLayer> layers, TileMatrixSet set, string root, string title)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(set);
        var document = Summary(set, title);
        string template = $"{root}/tiles/{set.Id}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}";
        var links = new List<OgcLink>
        {
            new($"{root}/tiles/{set.Id}", "self", OgcMediaTypes.Json, "This tileset"),
            new($"{Base(root)}/tileMatrixSets/{set.Id}", OgcRelations.TilingScheme, OgcMediaTypes.Json, set.Title),
        };
        if (HasVectorTiles(set))
            links.Add(new($"{template}?f=mvt", "item", OgcMediaTypes.Mvt, "Mapbox vector tiles"));
        links.Add(new($"{template}?f=png", "item", OgcMediaTypes.Png, "PNG map tiles"));
        var linkArray = OgcLink.Array(links);
        foreach (var link in linkArray)
        {
            if (link!["rel"]!.GetValue<string>() == "item")
                link["templated"] = true;
        }

        document["links"] = linkArray;
        var limits = new JsonArray();
        foreach (var limit in TilesetLimits.For(layers, set))
        {
            limits.Add(new JsonObject
            {
                ["tileMatrix"] = limit.TileMatrix,
                ["minTileRow"] = limit.MinRow,
                ["maxTileRow"] = limit.MaxRow,
                ["minTileCol"] = limit.MinColumn,
                ["maxTileCol"] = limit.MaxColumn,
            });
        }

        document["tileMatrixSetLimits"] = limits;
        if (HasVectorTiles(set))
        {
            var layerArray = new JsonArray();
            foreach (var layer in layers)
            {
                layerArray.Add(new JsonObject
                {
                    ["id"] = layer.Id,
                    ["title"] = string.IsNullOrEmpty(layer.Definition.TitleZh) ? layer.Id : layer.Definition.TitleZh,
                    ["dataType"] = "vector",
                    ["geometryDimension"] = 2,
                    ["minTileMatrix"] = layer.Definition.MinZoom.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["maxTileMatrix"] = Math.Min(layer.Definition.MaxZoom, set.MaxZoom).ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            document["layers"] = layerArray;
        }

        return document;
    }

    private static JsonObject Summary(TileMatrixSet set, string title)
    {
        var entry = new JsonObject
        {
            ["title"] = $"{title} ({set.Id})",
            ["dataType"] = HasVectorTiles(set) ? "vector" : "map",
            ["crs"] = set.CrsUri,
            ["tileMatrixSetId"] = set.Id,
        };
        if (TileMatrixSetDocuments.RegisteredUri(set) is { } uri)
            entry["tileMatrixSetURI"] = uri;
        return entry;
    }

    /// <summary>The server base of a tileset root ("{base}/collections/{id}" → "{base}").</summary>
    private static string Base(string root)
    {
        int collections = root.LastIndexOf("/collections/", StringComparison.Ordinal);
        return collections < 0 ? root : root[..collections];
    }
}
