namespace TileServer.Services.Raster;

using System.Text;
using TileServer.Core.Caching;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Caching;

/// <summary>PNG tiles on any tile matrix set the server knows: WebMercatorQuad through
/// <see cref="RasterTileService"/> as before; the geographic quads (WorldCRS84Quad, CGCS2000Quad) by drawing
/// warped geometries into a proxy Web Mercator tile (<see cref="GeographicTileWarp"/>), cached under their
/// own tile matrix set id so they never collide with Web Mercator tiles of the same numbers.</summary>
public sealed class GridRasterTileService(ITileCache cache, RasterTileService raster, RequestedLayerSets? layerSets = null)
{
    public RasterTileService Raster => raster;

    public ValueTask<TileLookup> GetTileAsync(IReadOnlyList<PublishedLayer> layers, TileMatrixSet set, TileCoordinate tile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(set);
        if (set.Id == RasterTileService.TileMatrixSetId)
        {
            return raster.GetTileAsync(layers, tile, cancellationToken);
        }

        if (!set.IsValid(tile))
        {
            throw new ArgumentOutOfRangeException(nameof(tile), tile, $"Outside {set.Id}.");
        }

        var tags = new StringBuilder();
        foreach (var layer in layers)
        {
            if (tags.Length > 0) tags.Append(',');
            tags.Append(raster.Styles.Find(layer)?.CacheTag ?? "-");
        }

        string layerKey = string.Join(',', layers.Select(l => l.Id));
        var key = new TileCacheKey(layerKey, set.Id, tile, RasterTileService.Format, tags.ToString());
        layerSets?.Record(layerKey, RasterTileService.Format, key.StyleVersion, set.Id);
        return cache.GetOrCreateAsync(key, ct => ProduceAsync(layers, set, tile, ct), cancellationToken);
    }

    /// <summary>Renders a geographic tile without the cache. Layers keep their ids (and so their styles and
    /// zoom ranges, compared against the proxy's equal-scale Web Mercator zoom); only the source is wrapped.</summary>
    public Task<TileContent> ProduceAsync(IReadOnlyList<PublishedLayer> layers, TileMatrixSet set, TileCoordinate tile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var warp = new GeographicTileWarp(set, tile);
        var warped = layers.Select(l => l with { Source = new WarpedFeatureSource(l.Source, warp, raster.Options.BufferPixels) }).ToArray();
        return raster.ProduceAsync(warped, warp.ProxyTile, cancellationToken);
    }
}
