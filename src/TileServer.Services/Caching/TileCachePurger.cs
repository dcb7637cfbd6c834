namespace TileServer.Services.Caching;

using TileServer.Core.Caching;
using TileServer.Core.Tiling;

/// <summary>Invalidates cached tiles of a layer after its data changed. Few affected tiles (a small box at
/// high zoom) are removed one by one from every tier, in every recorded layer set, format and style; many (low
/// zooms, no box) bump the layer's generation instead, which is O(1) and reaches every instance.</summary>
public sealed class TileCachePurger(ITileCacheInvalidation cache, ILayerGenerations generations, RequestedLayerSets layerSets, long preciseLimit = 5_000)
{
    public async Task<PurgeResult> PurgeAsync(PurgeRequest request, CancellationToken cancellationToken)
    {
        var grid = TileMatrixSets.WebMercatorQuad;
        int minZoom = Math.Max(request.MinZoom, grid.MinZoom);
        int maxZoom = Math.Min(request.MaxZoom, grid.MaxZoom);
        if (request.Bounds is not { } bounds || layerSets.Overflowed)
        {
            await generations.BumpAsync(request.Layer, cancellationToken).ConfigureAwait(false);
            return new PurgeResult(0, GenerationBumped: true, AffectedTiles: -1);
        }

        var limits = grid.LimitsFor(bounds, minZoom, maxZoom);
        long affected = limits.Sum(l => l.TileCount);
        var variants = layerSets.Containing(request.Layer);
        if (affected * variants.Count > preciseLimit)
        {
            await generations.BumpAsync(request.Layer, cancellationToken).ConfigureAwait(false);
            return new PurgeResult(0, GenerationBumped: true, affected);
        }

        long removed = 0;
        foreach (var limit in limits)
        {
            for (int row = limit.MinRow; row <= limit.MaxRow; row++)
            {
                for (int column = limit.MinColumn; column <= limit.MaxColumn; column++)
                {
                    var tile = new TileCoordinate(limit.Zoom, column, row);
                    foreach (var variant in variants)
                    {
                        var key = new TileCacheKey(variant.LayerSet, grid.Id, tile, variant.Format, variant.StyleVersion);
                        await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
                        removed++;
                    }
                }
            }
        }

        return new PurgeResult(removed, GenerationBumped: false, affected);
    }
}
