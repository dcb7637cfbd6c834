namespace TileServer.Core.Caching;

/// <summary>Precise invalidation: removes single tiles from every tier of a cache (for example the tiles an
/// edited feature touches), where bumping the whole layer's generation would discard too much.</summary>
public interface ITileCacheInvalidation
{
    /// <summary>Removes the tile of the layers' current generations. Never fails because a tier is unavailable.</summary>
    ValueTask RemoveAsync(TileCacheKey key, CancellationToken cancellationToken);
}
