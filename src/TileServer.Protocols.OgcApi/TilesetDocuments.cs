namespace TileServer.Protocols.OgcApi;

using System.Text.Json.Nodes;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;

/// <summary>Tileset lists and tileset metadata of OGC API – Tiles 1.0 (§7.x tilesets-list, tileset; OGC 2D-TMS
/// TileSetMetadata JSON): one tileset per tile matrix set and kind. Vector tilesets (MVT, dataType "vector") live
/// at <c>{root}/tiles</c> and map tilesets (PNG, dataType "map") at <c>{root}/map/tiles</c>, in every set.
/// <para>Each list entry names its set by <c>tileMatrixSetURI</c> where the set is registered: GDAL's OGCAPI
/// driver picks a tileset by that member (WorldCRS84Quad when present) and follows the entry's "self" link.</para></summary>
public static class TilesetDocuments
{
    /// <summary>The tilesets path under a root: "/tiles" or "/map/tiles".</summary>
    public static string Path(TilesetKind kind) => kind == TilesetKind.Map ? "/map/tiles" : "/tiles";

    public static string DataType(TilesetKind kind) => kind == TilesetKind.Map ? "map" : "vector";

    /// <param name="root">"{base}/collections/{id}" for a collection, "{base}" for the dataset.</param>
    public static JsonObject List(IReadOnlyList<PublishedLayer> layers, string root, string title, TilesetKind kind)
    {
        ArgumentNullException.ThrowIfNull(layers);
        string tiles = root + Path(kind);
        var tilesets = new JsonArray();
        foreach (var set in TileMatrixSets.All)
        {
            var entry = Summary(set, title, kind);
            entry["links"] = OgcLink.Array([
                new($"{tiles}/{set.Id}", "self", OgcMediaTypes.Json, $"{title} {DataType(kind)} tileset in {set.Id}"),
                new($"{Base(root)}/tileMatrixSets/{set.Id}", OgcRelations.TilingScheme, OgcMediaTypes.Json, set.Title),
            ]);
            tilesets.Add(entry);
        }

        return new JsonObject
        {
            ["links"] = OgcLink.Array([new($"{tiles}?f=json", "self", OgcMediaTypes.Json, "This document")]),
            ["tilesets"] = tilesets,
        };
    }

    public static JsonObject Tileset(IReadOnlyList<PublishedLayer> layers, TileMatrixSet set, string root, string title, TilesetKind kind)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(set);
        var document = Summary(set, title, kind);
        string tiles = root + Path(kind);
        string template = $"{tiles}/{set.Id}/{{tileMatrix}}/{{tileRow}}/{{tileCol}}";
        var links = new List<OgcLink>
        {
            new($"{tiles}/{set.Id}", "self", OgcMediaTypes.Json, "This tileset"),
            new($"{Base(root)}/tileMatrixSets/{set.Id}", OgcRelations.TilingScheme, OgcMediaTypes.Json, set.Title),
        };
        if (kind == TilesetKind.Vector)
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
        if (kind == TilesetKind.Vector)
            document["layers"] = Layers(layers, set);
        return document;
    }

    /// <summary>Tiles §7.x: each MVT layer with its tile matrix range in this set (zooms are configured as
    /// Web Mercator zooms and map to the set's levels by equal scale, as in <see cref="TilesetLimits"/>).</summary>
    private static JsonArray Layers(IReadOnlyList<PublishedLayer> layers, TileMatrixSet set)
    {
        var layerArray = new JsonArray();
        foreach (var layer in layers)
        {
            var levels = set.Matrices.Where(m => TilesetLimits.EquivalentZoom(m) >= layer.Definition.MinZoom && TilesetLimits.EquivalentZoom(m) <= layer.Definition.MaxZoom).ToList();
            if (levels.Count == 0)
                continue;
            layerArray.Add(new JsonObject
            {
                ["id"] = layer.Id,
                ["title"] = string.IsNullOrEmpty(layer.Definition.TitleZh) ? layer.Id : layer.Definition.TitleZh,
                ["dataType"] = "vector",
                ["geometryDimension"] = 2,
                ["minTileMatrix"] = levels[0].Identifier,
                ["maxTileMatrix"] = levels[^1].Identifier,
            });
        }

        return layerArray;
    }

    private static JsonObject Summary(TileMatrixSet set, string title, TilesetKind kind)
    {
        var entry = new JsonObject
        {
            ["title"] = $"{title} ({set.Id})",
            ["dataType"] = DataType(kind),
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
