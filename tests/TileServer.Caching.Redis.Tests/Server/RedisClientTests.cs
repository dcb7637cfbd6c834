namespace TileServer.Caching.Redis.Tests.Server;

using TileServer.Tests.Shared;
[Collection(RedisServerCollection.Name)]
public sealed class RedisClientTests
{
    [Fact]
    public async Task Binary_values_round_trip_including_empty_and_one_megabyte()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        byte[] allBytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        byte[] oneMegabyte = new byte[1024 * 1024];
        new Random(7).NextBytes(oneMegabyte);

        foreach (byte[] value in new[] { allBytes, [], oneMegabyte })
        {
            string key = RedisTestServer.UniqueKey("binary");
            Assert.True(await client.SetAsync(key, value, TimeSpan.FromMinutes(1)));
            Assert.Equal(value, await client.GetAsync(key));
        }

        Assert.Null(await client.GetAsync(RedisTestServer.UniqueKey("missing")));
    }

    [Fact]
    public async Task Expiry_is_honoured_and_nx_does_not_overwrite()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        string key = RedisTestServer.UniqueKey("expiry");
        Assert.True(await client.SetAsync(key, "v1"u8.ToArray(), TimeSpan.FromSeconds(2)));
        Assert.False(await client.SetAsync(key, "v2"u8.ToArray(), onlyIfNotExists: true));
        Assert.Equal("v1"u8.ToArray(), await client.GetAsync(key));
        TimeSpan? ttl = await client.TimeToLiveAsync(key);
        Assert.InRange(ttl!.Value.TotalMilliseconds, 1, 2000);

        await Task.Delay(2500);
        Assert.Null(await client.GetAsync(key));
        Assert.True(await client.SetAsync(key, "v3"u8.ToArray(), onlyIfNotExists: true));
        Assert.Null(await client.TimeToLiveAsync(key));
        await client.DeleteAsync(key);
    }

    [Fact]
    public async Task Expire_pexpire_incr_del_unlink_ping_and_scan()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        string prefix = RedisTestServer.UniqueKey("misc");
        string counter = prefix + ":counter";
        Assert.Equal(1, await client.IncrementAsync(counter));
        Assert.Equal(2, await client.IncrementAsync(counter));
        Assert.True(await client.ExpireAsync(counter, TimeSpan.FromSeconds(100)));
        Assert.InRange((await client.TimeToLiveAsync(counter))!.Value.TotalSeconds, 90, 100);
        Assert.True(await client.ExpireAsync(counter, TimeSpan.FromMilliseconds(1500)));
        Assert.InRange((await client.TimeToLiveAsync(counter))!.Value.TotalMilliseconds, 1000, 1500);
        Assert.False(await client.ExpireAsync(prefix + ":absent", TimeSpan.FromSeconds(1)));

        string[] keys = Enumerable.Range(0, 5).Select(i => $"{prefix}:k{i}").ToArray();
        foreach (string key in keys)
        {
            await client.SetAsync(key, new byte[] { 1 });
        }

        var scanned = new List<string>();
        await foreach (string key in client.ScanAsync(prefix + ":k*", pageSize: 2))
        {
            scanned.Add(key);
        }

        Assert.Equal(keys.Order(), scanned.Distinct().Order());
        Assert.Equal(3, await client.DeleteAsync([keys[0], keys[1], keys[2], prefix + ":absent"]));
        Assert.Equal(2, await client.UnlinkAsync([keys[3], keys[4]]));
        Assert.Equal(1, await client.DeleteAsync(counter));
        Assert.True(await client.PingAsync() < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Error_replies_are_server_exceptions_and_leave_the_connection_usable()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        string key = RedisTestServer.UniqueKey("wrongtype");
        await client.SetAsync(key, "text"u8.ToArray());
        var error = await Assert.ThrowsAsync<RedisServerException>(() => client.ExecuteAsync(["LPUSH", key, "x"]));
        Assert.Equal("WRONGTYPE", error.Prefix);
        Assert.Equal("text"u8.ToArray(), await client.GetAsync(key));
        Assert.Equal(RedisHealthState.Connected, client.Health.State);
        await client.DeleteAsync(key);
    }

    [Fact]
    public async Task Commands_that_would_change_the_shared_connection_are_refused()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync(["SELECT", 2]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync(["multi"]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync(["CLIENT", "REPLY", "OFF"]));
        Assert.Equal("PONG", (await client.ExecuteAsync(["PING"])).AsText());
    }
}
