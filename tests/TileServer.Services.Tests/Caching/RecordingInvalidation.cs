namespace TileServer.Services.Tests.Caching;

using TileServer.Core.Caching;

/// <summary>Records the keys a purge removes, in order, instead of removing anything.</summary>
internal sealed class RecordingInvalidation : ITileCacheInvalidation
{
    public List<TileCacheKey> Removed { get; } = [];

    public List<TileCacheKey> RemovedLocally { get; } = [];

    public int Clears { get; private set; }

    public ValueTask RemoveAsync(TileCacheKey key, CancellationToken cancellationToken)
    {
        Removed.Add(key);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveLocalAsync(TileCacheKey key, CancellationToken cancellationToken)
    {
        RemovedLocally.Add(key);
        return ValueTask.CompletedTask;
    }

    public void ClearLocal() => Clears++;
}
