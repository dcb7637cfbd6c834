namespace TileServer.Caching;

using TileServer.Core.Caching;

/// <summary>The bus of a single instance (no shared tier): there is nobody to tell, so nothing is sent.</summary>
public sealed class LocalInvalidationBus : ICacheInvalidationBus
{
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public ValueTask PublishAsync(CacheInvalidationMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Subscribe(Func<CacheInvalidationMessage, Task> onMessage, Func<Task> resynchronize)
    {
    }
}
