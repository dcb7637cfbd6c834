namespace TileServer.Caching.Redis;

using System.Security.Cryptography;
using TileServer.Caching.Redis.Resp;
using TileServer.Core.Caching;

/// <summary>A short cross-instance lock for single flight: the instance that acquires it produces the tile,
/// the others wait for the cache. It is a single-instance Redis lock (SET NX PX with a random token,
/// released only by its owner), not Redlock: if Redis restarts, a lock can be lost, which for a cache
/// costs at most one duplicate tile production. The TTL bounds how long a crashed owner blocks others.</summary>
public sealed class RedisTileLock(RedisClient client, string keyPrefix = "tileserver:lock:") : ITileProductionLock
{
    // Deletes the key only if it still holds our token. Get and delete must be one atomic step, otherwise
    // the lock could expire and be taken by another instance between them; a Lua script runs atomically
    // (https://redis.io/docs/latest/develop/use/patterns/distributed-locks/).
    private const string ReleaseScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    /// <summary>Takes the lock if it is free. Returns the token proving ownership, or null when another
    /// holder has it.</summary>
    public async Task<string?> TryAcquireAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        string token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        bool acquired = await client.SetAsync(keyPrefix + key, System.Text.Encoding.ASCII.GetBytes(token), ttl, onlyIfNotExists: true, cancellationToken)
            .ConfigureAwait(false);
        return acquired ? token : null;
    }

    /// <summary>Releases the lock if <paramref name="token"/> still owns it. Returns false when it did not
    /// (expired, or taken over by another holder), in which case nothing is changed.</summary>
    public async Task<bool> ReleaseAsync(string key, string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(token);
        RespValue reply = await client.ExecuteAsync(["EVAL", ReleaseScript, 1, keyPrefix + key, token], cancellationToken).ConfigureAwait(false);
        return reply.Integer == 1;
    }

    Task<string?> ITileProductionLock.TryAcquireAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken) =>
        TryAcquireAsync(key, timeToLive, cancellationToken);

    Task ITileProductionLock.ReleaseAsync(string key, string token, CancellationToken cancellationToken) =>
        ReleaseAsync(key, token, cancellationToken);
}
