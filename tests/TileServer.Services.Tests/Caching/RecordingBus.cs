namespace TileServer.Services.Tests.Caching;

using TileServer.Core.Caching;

/// <summary>Keeps what is published and hands test messages to the subscriber.</summary>
internal sealed class RecordingBus : ICacheInvalidationBus
{
    private Func<CacheInvalidationMessage, Task>? onMessage;
    private Func<Task>? resynchronize;

    public string InstanceId => "self";

    public List<CacheInvalidationMessage> Published { get; } = [];

    public ValueTask PublishAsync(CacheInvalidationMessage message, CancellationToken cancellationToken)
    {
        Published.Add(message);
        return ValueTask.CompletedTask;
    }

    public void Subscribe(Func<CacheInvalidationMessage, Task> onMessage, Func<Task> resynchronize)
    {
        this.onMessage = onMessage;
        this.resynchronize = resynchronize;
    }

    public Task DeliverAsync(CacheInvalidationMessage message) => onMessage!(message);

    public Task ReconnectAsync() => resynchronize!();
}
