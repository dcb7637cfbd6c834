namespace TileServer.Caching.Redis;

using Microsoft.Extensions.Caching.Distributed;

/// <summary><see cref="IDistributedCache"/> over <see cref="RedisClient"/>, with the semantics of
/// Microsoft.Extensions.Caching.StackExchangeRedis so that either can be registered in the composition root.</summary>
/// <remarks>
/// Expiration: each value is stored as one Redis string, prefixed with a <see cref="CacheEntryHeader"/>
/// holding the absolute and sliding expirations, and the key gets a TTL (PX) of
/// min(sliding, absolute − now) — or none when neither is set. Sliding expiration is implemented by
/// renewing that TTL (PEXPIRE) on every Get and Refresh, again capped by the absolute expiration, so an
/// entry read at least once per window lives on until its absolute expiration. Refresh reads only the
/// 17-byte header (GETRANGE), not the value.
///
/// Failures are thrown as <see cref="RedisException"/> (as the StackExchange implementation throws its
/// own exceptions); callers that treat Redis as an optional tier catch them and fall back. While Redis is
/// down they are thrown immediately (<see cref="RedisUnavailableException"/>).
///
/// The synchronous members block on the asynchronous ones; the tile path uses the asynchronous ones.
/// </remarks>
public sealed class RedisDistributedCache(RedisClient client, string instanceName = "", TimeProvider? timeProvider = null) : IDistributedCache
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[]? stored = await client.GetAsync(instanceName + key, token).ConfigureAwait(false);

        // A value this format did not write is treated as a miss: for a cache the safe answer is to
        // produce the value again (and overwrite it), not to fail the request.
        if (stored is null || !CacheEntryHeader.TryRead(stored, out CacheEntryHeader header))
        {
            return null;
        }

        if (header.HasSlidingExpiration && !await SlideAsync(key, header, token).ConfigureAwait(false))
        {
            return null;
        }

        return stored.AsSpan(CacheEntryHeader.Size).ToArray();
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset? absolute = AbsoluteExpiration(options, now);
        var header = new CacheEntryHeader(
            absolute?.ToUnixTimeMilliseconds() ?? 0,
            options.SlidingExpiration is { } sliding ? PositiveMilliseconds(sliding, nameof(options.SlidingExpiration)) : 0);
        // An absolute expiration under a millisecond away rounds to 0 ms, which SET rejects: keep 1 ms.
        TimeSpan? ttl = header.TimeToLive(now) is { } t && t <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : header.TimeToLive(now);
        await client.SetAsync(instanceName + key, CacheEntryHeader.Prepend(header, value), ttl, cancellationToken: token).ConfigureAwait(false);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] headerBytes = await client.GetRangeAsync(instanceName + key, 0, CacheEntryHeader.Size - 1, token).ConfigureAwait(false);
        if (CacheEntryHeader.TryRead(headerBytes, out CacheEntryHeader header) && header.HasSlidingExpiration)
        {
            await SlideAsync(key, header, token).ConfigureAwait(false);
        }
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await client.DeleteAsync(instanceName + key, token).ConfigureAwait(false);
    }

    /// <summary>Renews the TTL; false when the absolute expiration has passed (the entry is dead).</summary>
    private async Task<bool> SlideAsync(string key, CacheEntryHeader header, CancellationToken token)
    {
        TimeSpan? ttl = header.TimeToLive(time.GetUtcNow());
        if (ttl is not { } renewed || renewed <= TimeSpan.Zero)
        {
            return ttl is null;
        }

        await client.ExpireAsync(instanceName + key, renewed, token).ConfigureAwait(false);
        return true;
    }

    /// <summary>AbsoluteExpirationRelativeToNow wins over AbsoluteExpiration when both are set, as in the
    /// Microsoft implementations; an absolute expiration in the past is an error there too.</summary>
    private static DateTimeOffset? AbsoluteExpiration(DistributedCacheEntryOptions options, DateTimeOffset now)
    {
        if (options.AbsoluteExpirationRelativeToNow is { } relative)
        {
            PositiveMilliseconds(relative, nameof(options.AbsoluteExpirationRelativeToNow));
            return now + relative;
        }

        if (options.AbsoluteExpiration is { } absolute && absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), absolute, "The absolute expiration value must be in the future.");
        }

        return options.AbsoluteExpiration;
    }

    private static long PositiveMilliseconds(TimeSpan span, string name) =>
        span > TimeSpan.Zero
            ? Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds))
            : throw new ArgumentOutOfRangeException(name, span, "The expiration must be positive.");
}
