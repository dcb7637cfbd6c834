namespace TileServer.Core.Layers;

/// <summary>The one change signal of the server: watchers of the sources publish what changed, and everything
/// derived from the data (cached tiles, computed conflicts) subscribes, so no consumer polls on its own.</summary>
public interface ILayerChangeFeed
{
    /// <summary>Reports changes; returns once every subscriber has handled them (a failing subscriber is
    /// reported through the returned exceptions, and does not stop the others).</summary>
    Task PublishAsync(IReadOnlyList<LayerDataChange> changes, CancellationToken cancellationToken);

    /// <summary>Registers a handler called with each published batch; dispose the result to unsubscribe.</summary>
    IDisposable Subscribe(Func<IReadOnlyList<LayerDataChange>, CancellationToken, Task> handler);
}
