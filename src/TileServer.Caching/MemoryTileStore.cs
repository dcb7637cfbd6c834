namespace TileServer.Caching;

using Microsoft.Extensions.Caching.Memory;
using TileServer.Core.Caching;

/// <summary>The in-process tier: finished tiles by storage key, bounded in bytes (each entry counts its
/// <see cref="TileContent.SizeInBytes"/>). It has no single flight of its own; the caches built on it add that.</summary>
public sealed class MemoryTileStore : IDisposable
{
    private readonly MemoryCache cache;
    private readonly MemoryTileCacheOptions options;

    public MemoryTileStore(MemoryTileCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.SizeLimitBytes, CompactionPercentage = 0.2 });
    }

    public long Count => cache.Count;

    public bool TryGet(string key, out TileContent content)
    {
        if (cache.TryGetValue(key, out TileContent? hit) && hit is not null)
        {
            content = hit;
            return true;
        }

        content = null!;
        return false;
    }

    /// <summary>Stores the tile; <paramref name="timeToLive"/> caps its life so that the memory tier never
    /// serves a tile longer than the distributed tier would.</summary>
    public void Set(string key, TileContent content, TimeSpan? timeToLive = null)
    {
        var entry = new MemoryCacheEntryOptions { Size = content.SizeInBytes, SlidingExpiration = options.SlidingExpiration };
        if (timeToLive is { } ttl && ttl > TimeSpan.Zero)
        {
            entry.AbsoluteExpirationRelativeToNow = ttl;
        }

        cache.Set(key, content, entry);
    }

    public void Remove(string key) => cache.Remove(key);

    public void Clear() => cache.Clear();

    public void Dispose() => cache.Dispose();
}
