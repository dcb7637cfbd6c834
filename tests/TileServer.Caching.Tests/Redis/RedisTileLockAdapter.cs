namespace TileServer.Caching.Tests.Redis;

using TileServer.Caching.Redis;
using TileServer.Core.Caching;

/// <summary>What the host does: <see cref="RedisTileLock"/> seen as the Core lock interface.</summary>
internal sealed class RedisTileLockAdapter(RedisTileLock inner) : ITileProductionLock
{
    public Task<string?> TryAcquireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        inner.TryAcquireAsync(key, timeToLive, cancellationToken);

    public Task ReleaseAsync(string key, string token, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(key, token, cancellationToken);
}
