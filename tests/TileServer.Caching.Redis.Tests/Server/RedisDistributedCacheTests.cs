namespace TileServer.Caching.Redis.Tests.Server;

using TileServer.Tests.Shared;
using Microsoft.Extensions.Caching.Distributed;

[Collection(RedisServerCollection.Name)]
public sealed class RedisDistributedCacheTests
{
    [Fact]
    public async Task Set_get_remove_with_the_instance_prefix()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync(Patient);
        string instance = RedisTestServer.UniqueKey("cache") + ":";
        IDistributedCache cache = new RedisDistributedCache(client, instance);
        byte[] tile = [0x1a, 0x00, 0xff, 0x0d, 0x0a];

        await cache.SetAsync("4/13/6.mvt", tile, new DistributedCacheEntryOptions());
        Assert.Equal(tile, await cache.GetAsync("4/13/6.mvt"));
        Assert.NotNull(await client.GetAsync(instance + "4/13/6.mvt"));
        Assert.Null(await client.TimeToLiveAsync(instance + "4/13/6.mvt"));

        cache.Set("empty", [], new DistributedCacheEntryOptions());
        Assert.Equal([], cache.Get("empty")!);

        await cache.RemoveAsync("4/13/6.mvt");
        cache.Remove("empty");
        Assert.Null(await cache.GetAsync("4/13/6.mvt"));
        Assert.Null(cache.Get("empty"));
    }

    [Fact]
    public async Task Absolute_expirations_set_the_key_ttl()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync(Patient);
        string instance = RedisTestServer.UniqueKey("cache") + ":";
        var cache = new RedisDistributedCache(client, instance);

        await cache.SetAsync("relative", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(1) });
        await cache.SetAsync("absolute", [2], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddMinutes(5) });
        Assert.InRange((await client.TimeToLiveAsync(instance + "absolute"))!.Value.TotalSeconds, 290, 300);
        Assert.Equal([1], await cache.GetAsync("relative"));

        await Task.Delay(1500);
        Assert.Null(await cache.GetAsync("relative"));
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Set(
            "past", [3], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddSeconds(-1) }));
        await cache.RemoveAsync("absolute");
    }

    [Fact]
    public async Task Sliding_expiration_is_renewed_by_get_and_refresh_but_capped_by_the_absolute_one()
    {
        // The windows are seconds wide and every bound is measured with a stopwatch, because a
        // loaded CI machine can stall a few hundred milliseconds between two awaits.
        await using RedisClient client = await RedisTestServer.ConnectAsync(Patient);
        string instance = RedisTestServer.UniqueKey("cache") + ":";
        var cache = new RedisDistributedCache(client, instance);
        var window = TimeSpan.FromSeconds(2);

        await cache.SetAsync("slide", [7], new DistributedCacheEntryOptions { SlidingExpiration = window });
        var alive = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 4; i++)
        {
            // 4 × 800 ms = 3.2 s, longer than the window: only the renewals keep it alive.
            await Task.Delay(800);
            if (i % 2 == 0)
            {
                Assert.Equal([7], await cache.GetAsync("slide"));
            }
            else
            {
                var beforeRefresh = System.Diagnostics.Stopwatch.StartNew();
                await cache.RefreshAsync("slide");
                double ttl = (await client.TimeToLiveAsync(instance + "slide"))!.Value.TotalMilliseconds;
                Assert.InRange(ttl, window.TotalMilliseconds - beforeRefresh.ElapsedMilliseconds - 50, window.TotalMilliseconds);
            }
        }

        Assert.True(alive.Elapsed > window, "the loop must outlast one window for the renewals to matter");
        await Task.Delay(window + TimeSpan.FromMilliseconds(500));
        Assert.Null(await cache.GetAsync("slide"));

        // Sliding 10 s but absolute 2 s: renewals never push the TTL past the absolute expiration.
        var absolute = TimeSpan.FromSeconds(2);
        var sinceSet = System.Diagnostics.Stopwatch.StartNew();
        await cache.SetAsync("capped", [8], new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromSeconds(10),
            AbsoluteExpirationRelativeToNow = absolute,
        });
        await Task.Delay(300);
        await cache.RefreshAsync("capped");
        TimeSpan? cappedTtl = await client.TimeToLiveAsync(instance + "capped");
        if (cappedTtl is { } remaining)
        {
            Assert.InRange(remaining.TotalMilliseconds, 1, absolute.TotalMilliseconds - 250);
        }
        else
        {
            // Only a stall longer than the absolute window may have let the key expire already.
            Assert.True(sinceSet.Elapsed >= absolute, $"key expired after {sinceSet.ElapsedMilliseconds} ms");
        }

        TimeSpan untilExpired = absolute + TimeSpan.FromMilliseconds(400) - sinceSet.Elapsed;
        if (untilExpired > TimeSpan.Zero)
        {
            await Task.Delay(untilExpired);
        }

        Assert.Null(await cache.GetAsync("capped"));
        cache.Refresh("never-set");
    }

    /// <summary>These tests check expiry semantics, not timeouts: a reply may wait for a stalled CI machine (a 1 s
    /// default once failed a refresh under load), while the expiry bounds above are measured with stopwatches.</summary>
    private static RedisEndpointOptions Patient(RedisEndpointOptions options) => options with { SyncTimeout = TimeSpan.FromSeconds(15) };
}
