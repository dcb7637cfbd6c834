namespace TileServer.Caching.Redis.PubSub;

using TileServer.Core.Caching;

/// <summary>Invalidations shared by every instance on one Redis through pub/sub: PUBLISH on the shared
/// command connection, SUBSCRIBE on a dedicated one (<see cref="RedisSubscriber"/>). Redis delivers a
/// message only to subscribers connected at that moment, so after a reconnect the handler is told to
/// resynchronize (drop what it holds locally).</summary>
public sealed class RedisInvalidationBus(RedisClient client, string channel = "tileserver:invalidation") : ICacheInvalidationBus, IAsyncDisposable
{
    private RedisSubscriber? subscriber;

    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>True while the subscription is open (for tests and diagnostics).</summary>
    public bool IsSubscribed => subscriber?.IsSubscribed ?? false;

    public async ValueTask PublishAsync(CacheInvalidationMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.PublishAsync(channel, InvalidationMessageCodec.Encode(message), cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Redis is down: the other instances cannot be told now, and will resynchronize when their
            // subscriptions come back (they reconnect to the same Redis).
        }
    }

    public void Subscribe(Func<CacheInvalidationMessage, Task> onMessage, Func<Task> resynchronize)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        ArgumentNullException.ThrowIfNull(resynchronize);
        if (subscriber is not null)
        {
            throw new InvalidOperationException("The bus has a subscriber already.");
        }

        subscriber = new RedisSubscriber(
            client.Options,
            channel,
            payload => InvalidationMessageCodec.Decode(payload) is { } message && message.Origin != InstanceId ? onMessage(message) : Task.CompletedTask,
            reconnected => reconnected ? resynchronize() : Task.CompletedTask);
    }

    /// <summary>Waits until the subscription is open (true) or the timeout passes (false).</summary>
    public async Task<bool> WaitUntilSubscribedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsSubscribed)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (subscriber is not null)
        {
            await subscriber.DisposeAsync().ConfigureAwait(false);
        }
    }
}
