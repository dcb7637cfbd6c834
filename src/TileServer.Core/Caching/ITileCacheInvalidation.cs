namespace TileServer.Core.Caching;

/// <summary>Precise invalidation: removes single tiles from every tier of a cache (for example the tiles an
/// edited feature touches), where bumping the whole layer's generation would discard too much.</summary>
public interface ITileCacheInvalidation
{
    /// <summary>Removes the tile of the layers' current generations. Never fails because a tier is unavailable.</summary>
    ValueTask RemoveAsync(TileCacheKey key, CancellationToken cancellationToken);

    /// <summary>Removes the tile from this instance's own tiers only: another instance already removed it
    /// from the shared tier and told this one (<see cref="ICacheInvalidationBus"/>).</summary>
    ValueTask RemoveLocalAsync(TileCacheKey key, CancellationToken cancellationToken) => RemoveAsync(key, cancellationToken);

    /// <summary>Drops everything this instance holds in its own tiers (the shared tier keeps its tiles), when
    /// too many tiles were invalidated elsewhere to remove one by one, or invalidations may have been missed.</summary>
    void ClearLocal()
    {
    }
}
