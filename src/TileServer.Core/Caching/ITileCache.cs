namespace TileServer.Core.Caching;

/// <summary>The one cache path for every tile kind. Implementations guarantee single flight: concurrent
/// misses for one key run <c>produce</c> once and share its result.</summary>
public interface ITileCache
{
    ValueTask<TileLookup> GetOrCreateAsync(TileCacheKey key, Func<CancellationToken, Task<TileContent>> produce, CancellationToken cancellationToken);
}
