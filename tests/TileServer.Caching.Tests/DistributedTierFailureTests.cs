namespace TileServer.Caching.Tests;

using System.Diagnostics;
using System.Runtime.CompilerServices;
using TileServer.Caching.Tests.Fakes;
using TileServer.Core.Caching;
using static TileServer.Caching.Tests.Fakes.TestTiles;

public sealed class DistributedTierFailureTests
{
    private static readonly DistributedTierOptions FastBreaker = new()
    {
        OperationTimeout = TimeSpan.FromMilliseconds(100),
        FailuresBeforeOpening = 2,
        BreakDuration = TimeSpan.FromMilliseconds(300),
    };

    private readonly ControllableDistributedCache store = new();
    private readonly ResilientDistributedCache tier;
    private readonly TieredTileCache cache;

    public DistributedTierFailureTests()
    {
        tier = new ResilientDistributedCache(store, FastBreaker);
        cache = new TieredTileCache(new TieredTileCacheOptions(), new InMemoryLayerGenerations(), tier, new FakeProductionLock());
    }

    [Theory]
    [InlineData(DistributedCacheMode.Throwing)]
    [InlineData(DistributedCacheMode.Hanging)]
    public async Task Requests_succeed_within_the_timeout_health_degrades_and_then_recovers(DistributedCacheMode failure)
    {
        store.Mode = failure;
        var calls = new StrongBox<int>();

        for (int x = 0; x < 5; x++)
        {
            var stopwatch = Stopwatch.StartNew();
            TileLookup lookup = await cache.GetOrCreateAsync(Key(x: x), Counting(calls), CancellationToken.None);
            // Per request: a read and a write at most, each bounded by the 100 ms timeout; none once the circuit is open.
            Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(900), $"request {x} took {stopwatch.ElapsedMilliseconds} ms");
            Assert.False(lookup.FromCache);
        }

        Assert.Equal(5, calls.Value);
        Assert.Equal(CacheHealthState.Degraded, cache.Health.State);
        Assert.Contains(failure == DistributedCacheMode.Hanging ? "timed out" : "connection refused", cache.Health.Reason, StringComparison.Ordinal);
        Assert.False(tier.IsAvailable);

        // Memory still serves what this instance produced during the outage.
        Assert.True((await cache.GetOrCreateAsync(Key(x: 0), Counting(calls), CancellationToken.None)).FromCache);

        store.Mode = DistributedCacheMode.Working;
        await Task.Delay(FastBreaker.BreakDuration + TimeSpan.FromMilliseconds(50));
        await cache.GetOrCreateAsync(Key(x: 99), Counting(calls), CancellationToken.None);

        Assert.True(cache.Health.IsHealthy);
        Assert.NotNull(store.Peek(await cache.StorageKeyAsync(Key(x: 99), CancellationToken.None)));
    }

    [Fact]
    public async Task While_the_circuit_is_open_calls_are_skipped_without_waiting()
    {
        store.Mode = DistributedCacheMode.Hanging;
        await tier.GetAsync("a", CancellationToken.None);
        await tier.GetAsync("b", CancellationToken.None);

        var stopwatch = Stopwatch.StartNew();
        DistributedResult<byte[]?> skipped = await tier.GetAsync("c", CancellationToken.None);

        Assert.False(skipped.Succeeded);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_failed_probe_opens_the_circuit_again()
    {
        store.Mode = DistributedCacheMode.Throwing;
        await tier.GetAsync("a", CancellationToken.None);
        await tier.GetAsync("b", CancellationToken.None);
        await Task.Delay(FastBreaker.BreakDuration + TimeSpan.FromMilliseconds(50));

        Assert.False((await tier.GetAsync("probe", CancellationToken.None)).Succeeded);
        store.Mode = DistributedCacheMode.Working;

        Assert.False((await tier.GetAsync("skipped", CancellationToken.None)).Succeeded);
        Assert.Equal(CacheHealthState.Degraded, tier.Health.State);
    }

    [Fact]
    public async Task RemoveAsync_does_not_fail_when_the_tier_is_down()
    {
        store.Mode = DistributedCacheMode.Throwing;
        await cache.RemoveAsync(Key(), CancellationToken.None);
        Assert.Equal(CacheHealthState.Degraded, cache.Health.State);
    }
}
