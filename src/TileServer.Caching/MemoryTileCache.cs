namespace TileServer.Caching;

using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using TileServer.Core.Caching;

/// <summary>A byte-bounded in-memory tile cache with single flight: while a tile is being produced,
/// further requests for it await the same task instead of producing it again.</summary>
public sealed class MemoryTileCache : ITileCache, IDisposable
{
    private readonly MemoryCache cache;
    private readonly MemoryTileCacheOptions options;
    private readonly ConcurrentDictionary<TileCacheKey, Lazy<Task<TileContent>>> inFlight = new();

    public MemoryTileCache(MemoryTileCacheOptions options)
    {
        this.options = options;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.SizeLimitBytes, CompactionPercentage = 0.2 });
    }

    public long Count => cache.Count;

    public async ValueTask<TileLookup> GetOrCreateAsync(
        TileCacheKey key, Func<CancellationToken, Task<TileContent>> produce, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out TileContent? hit) && hit is not null)
        {
            return new TileLookup(hit, FromCache: true);
        }

        // The producing task must not die with the first caller's request: it runs with its own token so
        // that a disconnecting client does not fail the others waiting on the same tile.
        var lazy = inFlight.GetOrAdd(key, k => new Lazy<Task<TileContent>>(() => ProduceAndStoreAsync(k, produce)));
        TileContent content = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new TileLookup(content, FromCache: false);
    }

    private async Task<TileContent> ProduceAndStoreAsync(TileCacheKey key, Func<CancellationToken, Task<TileContent>> produce)
    {
        try
        {
            TileContent content = await produce(CancellationToken.None).ConfigureAwait(false);
            cache.Set(key, content, new MemoryCacheEntryOptions
            {
                Size = content.SizeInBytes,
                SlidingExpiration = options.SlidingExpiration,
            });
            return content;
        }
        finally
        {
            inFlight.TryRemove(key, out _);
        }
    }

    public void Dispose() => cache.Dispose();
}
