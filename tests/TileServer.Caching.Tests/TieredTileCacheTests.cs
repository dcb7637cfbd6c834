namespace TileServer.Caching.Tests;

using System.Runtime.CompilerServices;
using TileServer.Caching.Tests.Fakes;
using TileServer.Core.Caching;
using static TileServer.Caching.Tests.Fakes.TestTiles;

public sealed class TieredTileCacheTests
{
    private readonly ControllableDistributedCache store = new();
    private readonly FakeProductionLock productionLock = new();
    private readonly InMemoryLayerGenerations generations = new();

    private TieredTileCache NewInstance(TieredTileCacheOptions? options = null) =>
        new(options ?? new TieredTileCacheOptions(), generations, new ResilientDistributedCache(store), productionLock);

    [Fact]
    public async Task A_miss_everywhere_produces_once_and_fills_both_tiers()
    {
        using var cache = NewInstance();
        var calls = new StrongBox<int>();

        TileLookup first = await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);
        TileLookup second = await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(1, calls.Value);
        Assert.NotNull(store.Peek(await cache.StorageKeyAsync(Key(), CancellationToken.None)));
    }

    [Fact]
    public async Task Local_removal_and_clearing_leave_the_distributed_tier_alone()
    {
        using var cache = NewInstance();
        var calls = new StrongBox<int>();
        await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);
        await cache.GetOrCreateAsync(Key(x: 5), Counting(calls), CancellationToken.None);

        await cache.RemoveLocalAsync(Key(), CancellationToken.None);
        Assert.Equal(1, cache.MemoryCount);
        cache.ClearLocal();

        Assert.Equal(0, cache.MemoryCount);
        Assert.NotNull(store.Peek(await cache.StorageKeyAsync(Key(), CancellationToken.None)));
        Assert.True((await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None)).FromCache);
        Assert.Equal(2, calls.Value);
    }

    [Fact]
    public async Task A_memory_miss_with_a_distributed_hit_does_not_produce_and_fills_memory()
    {
        using var producer = NewInstance();
        using var other = NewInstance();
        var calls = new StrongBox<int>();
        await producer.GetOrCreateAsync(Key(), Counting(calls, "shared"), CancellationToken.None);

        TileLookup fromRedis = await other.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);
        int getsAfterFirst = store.Gets;
        TileLookup fromMemory = await other.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);

        Assert.Equal(1, calls.Value);
        Assert.True(fromRedis.FromCache);
        Assert.Equal("\"shared\"", fromRedis.Content.ETag);
        Assert.Equal([0x1f, 0x8b, 1], fromRedis.Content.Gzipped);
        Assert.True(fromMemory.FromCache);
        Assert.Equal(getsAfterFirst, store.Gets);
        Assert.Equal(1, other.MemoryCount);
    }

    [Fact]
    public async Task Bumping_a_generation_makes_old_entries_unreachable_also_in_composites()
    {
        using var cache = NewInstance();
        var calls = new StrongBox<int>();
        await cache.GetOrCreateAsync(Key("xzq,ghyd"), Counting(calls, "old"), CancellationToken.None);
        await cache.GetOrCreateAsync(Key("xzq"), Counting(calls, "old"), CancellationToken.None);

        await generations.BumpAsync("ghyd", CancellationToken.None);
        TileLookup composite = await cache.GetOrCreateAsync(Key("xzq,ghyd"), Counting(calls, "new"), CancellationToken.None);
        TileLookup untouched = await cache.GetOrCreateAsync(Key("xzq"), Counting(calls, "new"), CancellationToken.None);

        Assert.False(composite.FromCache);
        Assert.Equal("\"new\"", composite.Content.ETag);
        Assert.True(untouched.FromCache);
        Assert.Equal(3, calls.Value);
    }

    [Fact]
    public async Task The_storage_key_names_layers_generations_style_matrix_set_tile_and_format()
    {
        using var cache = NewInstance();
        await generations.BumpAsync("ghyd", CancellationToken.None);

        string key = await cache.StorageKeyAsync(Key("xzq,ghyd", style: "v7"), CancellationToken.None);

        Assert.Equal("tileserver:tile:xzq#0,ghyd#1:v7:WebMercatorQuad:12:1:7:mvt", key);
        Assert.NotEqual(key, await cache.StorageKeyAsync(Key("xzq,ghyd", style: "v8"), CancellationToken.None));
    }

    [Fact]
    public async Task The_time_to_live_of_the_layer_reaches_the_distributed_tier()
    {
        var options = new TieredTileCacheOptions
        {
            DefaultTimeToLive = TimeSpan.FromHours(6),
            LayerTimeToLive = new Dictionary<string, TimeSpan> { ["ghyd"] = TimeSpan.FromMinutes(10) },
        };
        using var cache = NewInstance(options);
        var calls = new StrongBox<int>();

        await cache.GetOrCreateAsync(Key("ghyd"), Counting(calls), CancellationToken.None);
        await cache.GetOrCreateAsync(Key("xzq"), Counting(calls), CancellationToken.None);
        await cache.GetOrCreateAsync(Key("xzq,ghyd"), Counting(calls), CancellationToken.None);

        TimeSpan? Ttl(string layers) => store.SetOptions[cache.StorageKeyAsync(Key(layers), default).AsTask().Result].AbsoluteExpirationRelativeToNow;
        Assert.Equal(TimeSpan.FromMinutes(10), Ttl("ghyd"));
        Assert.Equal(TimeSpan.FromHours(6), Ttl("xzq"));
        Assert.Equal(TimeSpan.FromMinutes(10), Ttl("xzq,ghyd"));
    }

    [Fact]
    public async Task RemoveAsync_removes_the_tile_from_both_tiers()
    {
        using var cache = NewInstance();
        var calls = new StrongBox<int>();
        await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);
        string storageKey = await cache.StorageKeyAsync(Key(), CancellationToken.None);

        await cache.RemoveAsync(Key(), CancellationToken.None);

        Assert.Null(store.Peek(storageKey));
        Assert.Equal(0, cache.MemoryCount);
        Assert.False((await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None)).FromCache);
        Assert.Equal(2, calls.Value);
    }

    [Fact]
    public async Task Two_instances_with_concurrent_misses_produce_once()
    {
        using var first = NewInstance();
        using var second = NewInstance();
        var calls = new StrongBox<int>();
        var produce = Counting(calls, "once", TimeSpan.FromMilliseconds(100));

        var requests = Enumerable.Range(0, 20)
            .Select(i => (i % 2 == 0 ? first : second).GetOrCreateAsync(Key(), produce, CancellationToken.None).AsTask());
        TileLookup[] results = await Task.WhenAll(requests);

        Assert.Equal(1, calls.Value);
        Assert.All(results, r => Assert.Equal("\"once\"", r.Content.ETag));
    }

    [Fact]
    public async Task A_loser_whose_winner_never_stores_produces_itself_after_the_bounded_wait()
    {
        using var cache = NewInstance(new TieredTileCacheOptions { LockWaitTimeout = TimeSpan.FromMilliseconds(300) });
        productionLock.HoldForeign(await cache.StorageKeyAsync(Key(), CancellationToken.None));
        var calls = new StrongBox<int>();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        TileLookup lookup = await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);

        Assert.False(lookup.FromCache);
        Assert.Equal(1, calls.Value);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(250), "produced before the lock wait ran out"); // a lower bound only: upper bounds flake on busy machines
    }

    [Fact]
    public async Task A_failed_production_releases_the_lock_and_is_not_cached()
    {
        using var cache = NewInstance();
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await cache.GetOrCreateAsync(Key(), _ => throw new InvalidOperationException("source down"), CancellationToken.None));

        var calls = new StrongBox<int>();
        TileLookup retry = await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);

        Assert.False(retry.FromCache);
        Assert.Equal(2, productionLock.Acquisitions);
    }

    [Fact]
    public async Task Without_a_distributed_tier_it_is_a_memory_cache()
    {
        using var cache = new TieredTileCache(new TieredTileCacheOptions(), generations);
        var calls = new StrongBox<int>();

        await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);
        TileLookup second = await cache.GetOrCreateAsync(Key(), Counting(calls), CancellationToken.None);

        Assert.True(second.FromCache);
        Assert.Equal(1, calls.Value);
        Assert.True(cache.Health.IsHealthy);
    }
}
