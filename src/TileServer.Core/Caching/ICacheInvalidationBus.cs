namespace TileServer.Core.Caching;

/// <summary>Carries <see cref="CacheInvalidationMessage"/>s between the instances sharing a distributed tier
/// (Redis pub/sub). Delivery is best effort: a subscriber that was disconnected is told through
/// <c>resynchronize</c> that it may have missed messages.</summary>
public interface ICacheInvalidationBus
{
    /// <summary>This instance's id, the <see cref="CacheInvalidationMessage.Origin"/> of what it publishes.</summary>
    string InstanceId { get; }

    /// <summary>Sends the message to the other instances. Never fails because the transport is unavailable.</summary>
    ValueTask PublishAsync(CacheInvalidationMessage message, CancellationToken cancellationToken);

    /// <summary>Registers the handlers for messages from other instances and for a subscription restored
    /// after a disconnection (messages may have been missed: drop what is held locally).</summary>
    void Subscribe(Func<CacheInvalidationMessage, Task> onMessage, Func<Task> resynchronize);
}
