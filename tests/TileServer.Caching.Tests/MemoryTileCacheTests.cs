namespace TileServer.Caching.Tests;

using TileServer.Caching;
using TileServer.Core.Caching;
using TileServer.Core.Tiling;

public sealed class MemoryTileCacheTests
{
    private static TileCacheKey Key(int x) => new("ghyd", "WebMercatorQuad", new TileCoordinate(12, x, 1), "mvt");

    private static TileContent Content(int size) => new(new byte[size], new byte[size / 2], "\"etag\"");

    [Fact]
    public async Task Second_lookup_is_served_from_the_cache()
    {
        using var cache = new MemoryTileCache(new MemoryTileCacheOptions());
        int produced = 0;
        Task<TileContent> Produce(CancellationToken _) { produced++; return Task.FromResult(Content(100)); }

        var first = await cache.GetOrCreateAsync(Key(1), Produce, CancellationToken.None);
        var second = await cache.GetOrCreateAsync(Key(1), Produce, CancellationToken.None);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Same(first.Content, second.Content);
        Assert.Equal(1, produced);
    }

    [Fact]
    public async Task Concurrent_misses_for_one_tile_produce_it_once()
    {
        using var cache = new MemoryTileCache(new MemoryTileCacheOptions());
        int produced = 0;
        var gate = new TaskCompletionSource();
        async Task<TileContent> Produce(CancellationToken _)
        {
            Interlocked.Increment(ref produced);
            await gate.Task;
            return Content(10);
        }

        var requests = Enumerable.Range(0, 32).Select(_ => cache.GetOrCreateAsync(Key(2), Produce, CancellationToken.None).AsTask()).ToList();
        await Task.Delay(50);
        gate.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, produced);
        Assert.All(results, r => Assert.Same(results[0].Content, r.Content));
    }

    [Fact]
    public async Task A_cancelled_waiter_does_not_fail_the_others()
    {
        using var cache = new MemoryTileCache(new MemoryTileCacheOptions());
        var gate = new TaskCompletionSource();
        async Task<TileContent> Produce(CancellationToken _) { await gate.Task; return Content(10); }
        using var cancel = new CancellationTokenSource();

        var cancelled = cache.GetOrCreateAsync(Key(3), Produce, cancel.Token).AsTask();
        var patient = cache.GetOrCreateAsync(Key(3), Produce, CancellationToken.None).AsTask();
        cancel.Cancel();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(10, (await patient).Content.Data.Length);
    }

    [Fact]
    public async Task Failed_production_is_not_cached()
    {
        using var cache = new MemoryTileCache(new MemoryTileCacheOptions());
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await cache.GetOrCreateAsync(Key(4), _ => throw new InvalidOperationException("source down"), CancellationToken.None));
        var retry = await cache.GetOrCreateAsync(Key(4), _ => Task.FromResult(Content(5)), CancellationToken.None);
        Assert.False(retry.FromCache);
    }

    [Fact]
    public async Task Memory_stays_bounded_in_bytes()
    {
        using var cache = new MemoryTileCache(new MemoryTileCacheOptions { SizeLimitBytes = 100_000 });
        for (int x = 0; x < 200; x++)
        {
            await cache.GetOrCreateAsync(Key(x), _ => Task.FromResult(Content(2_000)), CancellationToken.None);
        }

        // Each entry accounts for about 3 KB: at most ~33 fit under the 100 KB bound.
        Assert.InRange(cache.Count, 1, 34);
    }
}
