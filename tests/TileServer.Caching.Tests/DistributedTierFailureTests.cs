namespace TileServer.Caching.Tests;

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
        BreakDuration = TimeSpan.FromSeconds(1),
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
            // A hanging store never completes, so finishing at all proves the tier's timeout fired; the guard
            // turns a regression into a failure instead of a hung run. No wall-clock bound: CI machines are noisy.
            TileLookup lookup = await cache.GetOrCreateAsync(Key(x: x), Counting(calls), CancellationToken.None)
                .AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.False(lookup.FromCache);
        }

        // Two failures open the circuit; after that requests skip the store (no waiting on a dead tier). Without
        // the breaker the five requests would make ten attempts (a read and a write each); a slow machine may
        // let one half-open probe through.
        Assert.InRange(store.FailedAttempts, FastBreaker.FailuresBeforeOpening, FastBreaker.FailuresBeforeOpening + 1);

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

        DistributedResult<byte[]?> skipped = await tier.GetAsync("c", CancellationToken.None);

        Assert.False(skipped.Succeeded);
        Assert.Equal(2, store.FailedAttempts); // "c" never reached the store

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
