namespace TileServer.Caching.Redis.Tests.Server;

using TileServer.Tests.Shared;
using Microsoft.Extensions.Caching.Distributed;

[Collection(RedisServerCollection.Name)]
public sealed class RedisDistributedCacheTests
{
    [Fact]
    public async Task Set_get_remove_with_the_instance_prefix()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
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
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        string instance = RedisTestServer.UniqueKey("cache") + ":";
        var cache = new RedisDistributedCache(client, instance);

        await cache.SetAsync("relative", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(300) });
        await cache.SetAsync("absolute", [2], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddMinutes(5) });
        Assert.InRange((await client.TimeToLiveAsync(instance + "absolute"))!.Value.TotalSeconds, 290, 300);
        Assert.Equal([1], await cache.GetAsync("relative"));

        await Task.Delay(500);
        Assert.Null(await cache.GetAsync("relative"));
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Set(
            "past", [3], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddSeconds(-1) }));
        await cache.RemoveAsync("absolute");
    }

    [Fact]
    public async Task Sliding_expiration_is_renewed_by_get_and_refresh_but_capped_by_the_absolute_one()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        string instance = RedisTestServer.UniqueKey("cache") + ":";
        var cache = new RedisDistributedCache(client, instance);
        var sliding = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMilliseconds(800) };

        await cache.SetAsync("slide", [7], sliding);
        for (int i = 0; i < 4; i++)
        {
            // 4 × 400 ms = 1.6 s, twice the window: only the renewals keep it alive.
            await Task.Delay(400);
            if (i % 2 == 0)
            {
                Assert.Equal([7], await cache.GetAsync("slide"));
            }
            else
            {
                await cache.RefreshAsync("slide");
                Assert.InRange((await client.TimeToLiveAsync(instance + "slide"))!.Value.TotalMilliseconds, 600, 800);
            }
        }

        await Task.Delay(1100);
        Assert.Null(await cache.GetAsync("slide"));

        // Sliding 10 s but absolute 600 ms: renewals never push the TTL past the absolute expiration.
        await cache.SetAsync("capped", [8], new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromSeconds(10),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(600),
        });
        await Task.Delay(300);
        await cache.RefreshAsync("capped");
        Assert.InRange((await client.TimeToLiveAsync(instance + "capped"))!.Value.TotalMilliseconds, 1, 320);
        await Task.Delay(500);
        Assert.Null(await cache.GetAsync("capped"));
        cache.Refresh("never-set");
    }
}
