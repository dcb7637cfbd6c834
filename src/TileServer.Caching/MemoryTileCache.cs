namespace TileServer.Caching;

using System.Collections.Concurrent;
using TileServer.Core.Caching;

/// <summary>A byte-bounded in-memory tile cache with single flight: while a tile is being produced,
/// further requests for it await the same task instead of producing it again. For several instances
/// sharing a distributed cache use <see cref="TieredTileCache"/>.</summary>
public sealed class MemoryTileCache : ITileCache, ITileCacheInvalidation, IDisposable
{
    private readonly MemoryTileStore store;
    private readonly ConcurrentDictionary<TileCacheKey, Lazy<Task<TileContent>>> inFlight = new();

    public MemoryTileCache(MemoryTileCacheOptions options)
    {
        store = new MemoryTileStore(options);
    }

    public long Count => store.Count;

    public async ValueTask<TileLookup> GetOrCreateAsync(
        TileCacheKey key, Func<CancellationToken, Task<TileContent>> produce, CancellationToken cancellationToken)
    {
        if (store.TryGet(key.ToString(), out TileContent hit))
        {
            return new TileLookup(hit, FromCache: true);
        }

        // The producing task must not die with the first caller's request: it runs with its own token so
        // that a disconnecting client does not fail the others waiting on the same tile.
        var lazy = inFlight.GetOrAdd(key, k => new Lazy<Task<TileContent>>(() => ProduceAndStoreAsync(k, produce)));
        TileContent content = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new TileLookup(content, FromCache: false);
    }

    public ValueTask RemoveAsync(TileCacheKey key, CancellationToken cancellationToken)
    {
        store.Remove(key.ToString());
        return ValueTask.CompletedTask;
    }

    public void ClearLocal() => store.Clear();

    private async Task<TileContent> ProduceAndStoreAsync(TileCacheKey key, Func<CancellationToken, Task<TileContent>> produce)
    {
        try
        {
            TileContent content = await produce(CancellationToken.None).ConfigureAwait(false);
            store.Set(key.ToString(), content);
            return content;
        }
        finally
        {
            inFlight.TryRemove(key, out _);
        }
    }

    public void Dispose() => store.Dispose();
}
