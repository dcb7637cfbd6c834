namespace TileServer.Caching.Tests.Redis;

using TileServer.Tests.Shared;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using TileServer.Caching.Redis;
using TileServer.Caching.Tests.Fakes;
using TileServer.Core.Caching;
using static TileServer.Caching.Tests.Fakes.TestTiles;

/// <summary>Two "servers" (two <see cref="TieredTileCache"/>s, each with its own Redis connection, as the host
/// composes them) sharing the real Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class TieredTileCacheOnRedisTests
{
    private static readonly DistributedTierOptions Tier = new()
    {
        OperationTimeout = TimeSpan.FromMilliseconds(250),
        BreakDuration = TimeSpan.FromMilliseconds(500),
    };

    private readonly string prefix = $"tests:tiered:{Guid.NewGuid():N}:";

    private TieredTileCache NewServer(RedisClient client, ILayerGenerations generations)
    {
        var tier = new ResilientDistributedCache(new RedisDistributedCache(client), Tier);
        var options = new TieredTileCacheOptions { KeyPrefix = prefix + "tile:", DefaultTimeToLive = TimeSpan.FromMinutes(5) };
        return new TieredTileCache(options, generations, tier, new RedisTileLock(client, prefix + "lock:"));
    }

    [Fact]
    public async Task Concurrent_requests_on_two_servers_produce_a_tile_exactly_once()
    {
        await using RedisClient firstClient = await RedisTestServer.ConnectAsync(o => o with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) });
        await using RedisClient secondClient = await RedisTestServer.ConnectAsync(o => o with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) });
        using TieredTileCache first = NewServer(firstClient, new InMemoryLayerGenerations());
        using TieredTileCache second = NewServer(secondClient, new InMemoryLayerGenerations());
        var calls = new StrongBox<int>();
        var produce = Counting(calls, "once", TimeSpan.FromMilliseconds(200));

        TileLookup[] results = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => Task.Run(() => (i % 2 == 0 ? first : second).GetOrCreateAsync(Key(), produce, CancellationToken.None).AsTask())));

        Assert.Equal(1, calls.Value);
        Assert.All(results, r => Assert.Equal("\"once\"", r.Content.ETag));
        Assert.True(first.Health.IsHealthy && second.Health.IsHealthy);
    }

    [Fact]
    public async Task A_generation_bump_on_one_server_invalidates_the_layer_on_the_other()
    {
        await using RedisClient firstClient = await RedisTestServer.ConnectAsync(o => o with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) });
        await using RedisClient secondClient = await RedisTestServer.ConnectAsync(o => o with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) });
        ResilientDistributedCache Tier(RedisClient c) => new(new RedisDistributedCache(c), TieredTileCacheOnRedisTests.Tier);
        var firstGenerations = new DistributedLayerGenerations(Tier(firstClient), TimeSpan.Zero, prefix + "generation:");
        var secondGenerations = new DistributedLayerGenerations(Tier(secondClient), TimeSpan.Zero, prefix + "generation:");
        using TieredTileCache first = NewServer(firstClient, firstGenerations);
        using TieredTileCache second = NewServer(secondClient, secondGenerations);
        var calls = new StrongBox<int>();
        await first.GetOrCreateAsync(Key("xzq,ghyd"), Counting(calls, "old"), CancellationToken.None);
        Assert.True((await second.GetOrCreateAsync(Key("xzq,ghyd"), Counting(calls, "old"), CancellationToken.None)).FromCache);

        await firstGenerations.BumpAsync("ghyd", CancellationToken.None);
        TileLookup afterBump = await second.GetOrCreateAsync(Key("xzq,ghyd"), Counting(calls, "new"), CancellationToken.None);

        Assert.False(afterBump.FromCache);
        Assert.Equal("\"new\"", afterBump.Content.ETag);
        Assert.Equal(2, calls.Value);
    }

    [Fact]
    public async Task Redis_stopped_mid_test_fails_no_request_and_is_used_again_after_restart()
    {
        await using RedisClient firstClient = await RedisTestServer.ConnectAsync(o => o with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) });
        await using RedisClient secondClient = await RedisTestServer.ConnectAsync(o => o with { ReconnectMaxDelay = TimeSpan.FromMilliseconds(500) });
        using TieredTileCache first = NewServer(firstClient, new InMemoryLayerGenerations());
        using TieredTileCache second = NewServer(secondClient, new InMemoryLayerGenerations());
        var calls = new StrongBox<int>();
        await first.GetOrCreateAsync(Key(x: 0), Counting(calls), CancellationToken.None);

        try
        {
            await RedisTestServer.StopAsync();
            for (int x = 1; x <= 20; x++)
            {
                var stopwatch = Stopwatch.StartNew();
                TileCacheKey key = Key(x: x);
                TileLookup lookup = await (x % 2 == 0 ? first : second).GetOrCreateAsync(key, Counting(calls), CancellationToken.None);
                Assert.NotEmpty(lookup.Content.Data);
                Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"request {x} took {stopwatch.ElapsedMilliseconds} ms");
            }

            Assert.True((await first.GetOrCreateAsync(Key(x: 0), Counting(calls), CancellationToken.None)).FromCache);
            Assert.Equal(CacheHealthState.Degraded, first.Health.State);
            Assert.NotNull(first.Health.Reason);
        }
        finally
        {
            await RedisTestServer.StartAgainAsync();
        }

        Assert.True(await firstClient.WaitUntilConnectedAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await secondClient.WaitUntilConnectedAsync(TimeSpan.FromSeconds(10)));

        // Once the circuits let a probe through, a tile produced on one server is found by the other.
        var deadline = Stopwatch.StartNew();
        int x2 = 100;
        while (true)
        {
            TileCacheKey key = Key(x: x2++);
            int before = calls.Value;
            await first.GetOrCreateAsync(key, Counting(calls), CancellationToken.None);
            TileLookup onSecond = await second.GetOrCreateAsync(key, Counting(calls), CancellationToken.None);
            if (onSecond.FromCache && calls.Value == before + 1)
            {
                break;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"distributed tier not used again: {first.Health.Reason} / {second.Health.Reason}");
            await Task.Delay(100);
        }

        Assert.True(first.Health.IsHealthy);
        Assert.True(second.Health.IsHealthy);
    }
}
