namespace TileServer.Services.Caching;

using TileServer.Core.Caching;
using TileServer.Core.Tiling;

/// <summary>Invalidates cached tiles of a layer after its data changed. Few affected tiles (a small box at
/// high zoom) are removed one by one from every tier, in every recorded layer set, format, style and tile
/// matrix set; many (low zooms, no box) bump the layer's generation instead, which is O(1).</summary>
/// <remarks>Every purge is also published on the <see cref="ICacheInvalidationBus"/>: the other instances
/// sharing the distributed tier drop the same tiles from their memory tiers (<see cref="ApplyRemoteAsync"/>),
/// and take a bumped generation at once rather than at their next generation refresh.</remarks>
public sealed class TileCachePurger
{
    private readonly ITileCacheInvalidation cache;
    private readonly ILayerGenerations generations;
    private readonly RequestedLayerSets layerSets;
    private readonly ICacheInvalidationBus? bus;
    private readonly long preciseLimit;

    public TileCachePurger(
        ITileCacheInvalidation cache, ILayerGenerations generations, RequestedLayerSets layerSets, ICacheInvalidationBus? bus = null, long preciseLimit = 5_000)
    {
        this.cache = cache;
        this.generations = generations;
        this.layerSets = layerSets;
        this.bus = bus;
        this.preciseLimit = preciseLimit;
        bus?.Subscribe(ApplyRemoteAsync, ResynchronizeAsync);
    }

    public async Task<PurgeResult> PurgeAsync(PurgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (long affected, List<TileCacheKey>? keys) = Plan(request);
        if (keys is null)
        {
            long generation = await generations.BumpAsync(request.Layer, cancellationToken).ConfigureAwait(false);
            await PublishAsync(request, generation, cancellationToken).ConfigureAwait(false);
            return new PurgeResult(0, GenerationBumped: true, request.Bounds is null ? -1 : affected);
        }

        foreach (TileCacheKey key in keys)
        {
            await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        }

        await PublishAsync(request, null, cancellationToken).ConfigureAwait(false);
        return new PurgeResult(keys.Count, GenerationBumped: false, affected);
    }

    /// <summary>Applies another instance's purge to this instance's memory tier (it already handled the shared
    /// tier). Its layer sets may differ from ours, so the tiles are planned again here; when there are too many,
    /// the memory tier is cleared rather than bumping the shared generation a second time.</summary>
    public async Task ApplyRemoteAsync(CacheInvalidationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Generation is { } generation)
        {
            generations.Observe(message.Layer, generation);
            return;
        }

        (_, List<TileCacheKey>? keys) = Plan(new PurgeRequest(message.Layer, message.Bounds, message.MinZoom, message.MaxZoom));
        if (keys is null)
        {
            cache.ClearLocal();
            return;
        }

        foreach (TileCacheKey key in keys)
        {
            await cache.RemoveLocalAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Invalidations may have been missed while the bus was disconnected: drop the local tier.</summary>
    private Task ResynchronizeAsync()
    {
        cache.ClearLocal();
        return Task.CompletedTask;
    }

    private ValueTask PublishAsync(PurgeRequest request, long? generation, CancellationToken cancellationToken) =>
        bus?.PublishAsync(new CacheInvalidationMessage(bus.InstanceId, request.Layer, generation, request.Bounds, request.MinZoom, request.MaxZoom), cancellationToken)
        ?? ValueTask.CompletedTask;

    /// <summary>The affected Web Mercator tiles (as reported) and the keys to remove; keys null when the
    /// generation must be bumped instead (no box, an overflowed registry, or more removals than the limit).</summary>
    private (long Affected, List<TileCacheKey>? Keys) Plan(PurgeRequest request)
    {
        if (request.Bounds is not { } bounds || layerSets.Overflowed)
        {
            return (-1, null);
        }

        long affected = CountTiles(TileMatrixSets.WebMercatorQuad, bounds, request);
        var variants = layerSets.Containing(request.Layer);
        long removals = 0;
        var limitsBySet = new Dictionary<string, IReadOnlyList<TileMatrixLimits>>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            if (!limitsBySet.TryGetValue(variant.TileMatrixSet, out var limits))
            {
                limits = TileMatrixSets.TryGet(variant.TileMatrixSet, out var set)
                    ? LimitsAtEqualScale(set, bounds, request)
                    : [];
                limitsBySet[variant.TileMatrixSet] = limits;
            }

            foreach (var limit in limits)
            {
                removals += limit.TileCount;
            }
        }

        if (removals > preciseLimit)
        {
            return (affected, null);
        }

        var keys = new List<TileCacheKey>((int)removals);
        foreach (var variant in variants)
        {
            foreach (var limit in limitsBySet[variant.TileMatrixSet])
            {
                for (int row = limit.MinRow; row <= limit.MaxRow; row++)
                {
                    for (int column = limit.MinColumn; column <= limit.MaxColumn; column++)
                    {
                        var tile = new TileCoordinate(limit.Zoom, column, row);
                        keys.Add(new TileCacheKey(variant.LayerSet, variant.TileMatrixSet, tile, variant.Format, variant.StyleVersion));
                    }
                }
            }
        }

        return (affected, keys);
    }

    /// <summary>The request's zooms are Web Mercator zooms (as layer zoom ranges are); a geographic set's levels
    /// are matched by equal scale (WorldCRS84Quad n ↔ zoom n + 1, CGCS2000Quad n ↔ n), as the tiles were produced.</summary>
    private static IReadOnlyList<TileMatrixLimits> LimitsAtEqualScale(TileMatrixSet set, Core.Geometry.BoundingBox bounds, PurgeRequest request)
    {
        if (set.Id == TileMatrixSets.WebMercatorQuadId)
        {
            return set.LimitsFor(bounds, request.MinZoom, request.MaxZoom);
        }

        var limits = new List<TileMatrixLimits>();
        foreach (var matrix in set.Matrices)
        {
            int zoom = Raster.GeographicTileWarp.EquivalentWebMercatorZoom(matrix);
            if (zoom >= request.MinZoom && zoom <= request.MaxZoom)
            {
                limits.Add(set.LimitsFor(bounds, matrix.Zoom));
            }
        }

        return limits;
    }

    private static long CountTiles(TileMatrixSet set, Core.Geometry.BoundingBox bounds, PurgeRequest request)
    {
        long count = 0;
        foreach (var limit in set.LimitsFor(bounds, request.MinZoom, request.MaxZoom))
        {
            count += limit.TileCount;
        }

        return count;
    }
}
