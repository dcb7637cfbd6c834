namespace TileServer.Caching.Redis.Tests.Server;

using TileServer.Tests.Shared;
using System.Text;

[Collection(RedisServerCollection.Name)]
public sealed class PipeliningTests
{
    [Fact]
    public async Task A_thousand_concurrent_gets_on_one_connection_each_get_their_own_value()
    {
        // The test is about ordering on one socket, not latency: a thousand queued gets can exceed the default
        // one-second command timeout on a stalled CI machine (seen at a load average of 25), so allow seconds.
        await using RedisClient client = await RedisTestServer.ConnectAsync(o => o with { SyncTimeout = TimeSpan.FromSeconds(30) });
        string prefix = RedisTestServer.UniqueKey("pipeline");
        string[] keys = Enumerable.Range(0, 1000).Select(i => $"{prefix}:{i}").ToArray();

        // Values of different sizes so that replies straddle socket reads at varying offsets.
        byte[] ValueOf(int i) => Encoding.UTF8.GetBytes($"value-{i}-" + new string('x', i % 97 * 37));
        await Task.WhenAll(keys.Select((key, i) => client.SetAsync(key, ValueOf(i), TimeSpan.FromMinutes(1))));

        long connectionId = (await client.ExecuteAsync(["CLIENT", "ID"])).Integer;
        Task<byte[]?>[] gets = keys.Select(key => Task.Run(() => client.GetAsync(key))).ToArray();
        Task<long>[] ids = Enumerable.Range(0, 20).Select(_ => Task.Run(async () => (await client.ExecuteAsync(["CLIENT", "ID"])).Integer)).ToArray();
        byte[]?[] values = await Task.WhenAll(gets);

        for (int i = 0; i < keys.Length; i++)
        {
            Assert.Equal(ValueOf(i), values[i]);
        }

        // Every command went over the same connection.
        Assert.All(await Task.WhenAll(ids), id => Assert.Equal(connectionId, id));
        Assert.Equal(keys.Length, await client.UnlinkAsync(keys));
    }
}
