namespace TileServer.Caching.Redis.Tests.Server;

using TileServer.Tests.Shared;
using System.Diagnostics;

[Collection(RedisServerCollection.Name)]
public sealed class OutageTests
{
    [Fact]
    public async Task While_redis_is_down_calls_fail_fast_and_after_a_restart_the_client_reconnects_by_itself()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync(o => o with { ReconnectMaxDelay = TimeSpan.FromSeconds(1) });
        var cache = new RedisDistributedCache(client, RedisTestServer.UniqueKey("outage") + ":");
        await cache.SetAsync("before", [1], new Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions());

        try
        {
            await RedisTestServer.StopAsync();

            // Within the outage every call returns an error quickly: the first may still find the dying
            // connection, the rest must be rejected by the open circuit without any network wait.
            for (int i = 0; i < 30; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                await Assert.ThrowsAnyAsync<RedisException>(() => cache.GetAsync("before"));
                Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"call {i} took {stopwatch.ElapsedMilliseconds} ms");
                await Task.Delay(50);
            }

            RedisHealth health = client.Health;
            Assert.Equal(RedisHealthState.Degraded, health.State);
            Assert.NotNull(health.LastError);
            Assert.NotNull(health.NextReconnectAttempt);
            var rejected = await Assert.ThrowsAsync<RedisUnavailableException>(() => client.PingAsync());
            Assert.NotNull(rejected.InnerException);
        }
        finally
        {
            await RedisTestServer.StartAgainAsync();
        }

        // No call is needed to trigger the reconnect: the background loop does it.
        Assert.True(await client.WaitUntilConnectedAsync(TimeSpan.FromSeconds(10)), $"no reconnect: {client.Health.LastError?.Message}");
        await cache.SetAsync("after", [2], new Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions());
        Assert.Equal([2], await cache.GetAsync("after"));
        Assert.Null(await cache.GetAsync("before")); // the restarted server has no persistence
        await cache.RemoveAsync("after");
    }
}
