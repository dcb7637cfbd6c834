namespace TileServer.Configuration;

using TileServer.Caching.Redis;
using TileServer.Core.Caching;

/// <summary>The Redis lock seen through the Core interface the tiered cache uses for cross-instance single flight.</summary>
public sealed class RedisTileLockAdapter(RedisTileLock inner) : ITileProductionLock
{
    public Task<string?> TryAcquireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        inner.TryAcquireAsync(key, timeToLive, cancellationToken);

    public Task ReleaseAsync(string key, string token, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(key, token, cancellationToken);
}
