namespace TileServer.Core.Caching;

/// <summary>A short lock shared by all server instances, so that only one of them produces a missing tile
/// while the others wait for it in the distributed cache. The host backs it with Redis (SET NX PX).</summary>
public interface ITileProductionLock
{
    /// <summary>Takes the lock if it is free: returns a token proving ownership, or null when another
    /// instance holds it. The lock expires by itself after <paramref name="timeToLive"/>, so a crashed owner
    /// blocks the others for at most that long.</summary>
    Task<string?> TryAcquireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Releases the lock if <paramref name="token"/> still owns it; does nothing otherwise.</summary>
    Task ReleaseAsync(string key, string token, CancellationToken cancellationToken);
}
