namespace TileServer.Services.Tests.Caching;

using TileServer.Core.Caching;

/// <summary>Records the keys a purge removes, in order, instead of removing anything.</summary>
internal sealed class RecordingInvalidation : ITileCacheInvalidation
{
    public List<TileCacheKey> Removed { get; } = [];

    public ValueTask RemoveAsync(TileCacheKey key, CancellationToken cancellationToken)
    {
        Removed.Add(key);
        return ValueTask.CompletedTask;
    }
}
