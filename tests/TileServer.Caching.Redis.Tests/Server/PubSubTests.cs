namespace TileServer.Caching.Redis.Tests.Server;

using System.Threading.Channels;
using TileServer.Caching.Redis.PubSub;
using TileServer.Core.Caching;
using TileServer.Core.Geometry;
using TileServer.Tests.Shared;

[Collection(RedisServerCollection.Name)]
public sealed class PubSubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_message_published_by_one_bus_reaches_the_other_but_not_its_sender()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync();
        string channel = RedisTestServer.UniqueKey("channel");
        await using var sender = new RedisInvalidationBus(client, channel);
        await using var receiver = new RedisInvalidationBus(client, channel);
        var senderGot = Channel.CreateUnbounded<CacheInvalidationMessage>();
        var receiverGot = Channel.CreateUnbounded<CacheInvalidationMessage>();
        sender.Subscribe(m => senderGot.Writer.WriteAsync(m).AsTask(), () => Task.CompletedTask);
        receiver.Subscribe(m => receiverGot.Writer.WriteAsync(m).AsTask(), () => Task.CompletedTask);
        Assert.True(await sender.WaitUntilSubscribedAsync(Patience));
        Assert.True(await receiver.WaitUntilSubscribedAsync(Patience));

        // Garbage on the channel is ignored, and the subscription survives it.
        Assert.Equal(2, await client.PublishAsync(channel, "not json"u8.ToArray()));
        var box = new CacheInvalidationMessage(sender.InstanceId, "ghyd", null, new BoundingBox(118.1, 40.2, 118.3, 40.4), 3, 14);
        var bump = new CacheInvalidationMessage(sender.InstanceId, "xzq", 638_000_000_000_000_000, null, 0, int.MaxValue);
        await sender.PublishAsync(box, CancellationToken.None);
        await sender.PublishAsync(bump, CancellationToken.None);

        using var timeout = new CancellationTokenSource(Patience);
        Assert.Equal(box, await receiverGot.Reader.ReadAsync(timeout.Token));
        Assert.Equal(bump, await receiverGot.Reader.ReadAsync(timeout.Token));
        Assert.False(senderGot.Reader.TryRead(out _));
    }

    [Fact]
    public async Task After_redis_restarts_the_subscription_comes_back_and_asks_to_resynchronize()
    {
        await using RedisClient client = await RedisTestServer.ConnectAsync(o => o with { ReconnectMaxDelay = TimeSpan.FromSeconds(1) });
        string channel = RedisTestServer.UniqueKey("channel");
        await using var bus = new RedisInvalidationBus(client, channel);
        var received = Channel.CreateUnbounded<CacheInvalidationMessage>();
        int resynchronized = 0;
        bus.Subscribe(m => received.Writer.WriteAsync(m).AsTask(), () => { Interlocked.Increment(ref resynchronized); return Task.CompletedTask; });
        Assert.True(await bus.WaitUntilSubscribedAsync(Patience));
        Assert.Equal(0, Volatile.Read(ref resynchronized));

        try
        {
            await RedisTestServer.StopAsync();
            // Publishing while Redis is down is silently dropped, never an exception for the purge that sent it.
            await bus.PublishAsync(new CacheInvalidationMessage("elsewhere", "ghyd", 1, null, 0, 1), CancellationToken.None);
        }
        finally
        {
            await RedisTestServer.StartAgainAsync();
        }

        Assert.True(await bus.WaitUntilSubscribedAsync(Patience));
        for (int i = 0; i < 300 && Volatile.Read(ref resynchronized) == 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, Volatile.Read(ref resynchronized));
        Assert.True(await client.WaitUntilConnectedAsync(Patience));
        await using RedisClient other = await RedisTestServer.ConnectAsync();
        var message = new CacheInvalidationMessage("elsewhere", "ghyd", null, new BoundingBox(1, 2, 3, 4), 5, 6);
        Assert.Equal(1, await other.PublishAsync(channel, InvalidationMessageCodec.Encode(message)));
        using var timeout = new CancellationTokenSource(Patience);
        Assert.Equal(message, await received.Reader.ReadAsync(timeout.Token));
    }
}
