namespace TileServer.Services.Layers;

using System.Collections.Immutable;
using TileServer.Core.Layers;

/// <summary>In-process <see cref="ILayerChangeFeed"/>: handlers run one after another for each batch, so a
/// consumer (say the conflict computation) sees the cache invalidation of the same batch already done when
/// it was registered after it. A failing handler does not keep the others from running.</summary>
public sealed class LayerChangeHub : ILayerChangeFeed
{
    private ImmutableList<Func<IReadOnlyList<LayerDataChange>, CancellationToken, Task>> handlers = [];

    public async Task PublishAsync(IReadOnlyList<LayerDataChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        List<Exception>? failures = null;
        foreach (var handler in Volatile.Read(ref handlers))
        {
            try
            {
                await handler(changes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                (failures ??= []).Add(failure);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException("a layer change handler failed", failures);
        }
    }

    public IDisposable Subscribe(Func<IReadOnlyList<LayerDataChange>, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ImmutableInterlocked.Update(ref handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref handlers, list => list.Remove(handler)));
    }

    private sealed class Subscription(Action remove) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                remove();
            }
        }
    }
}
