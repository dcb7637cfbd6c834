namespace TileServer.Caching;

using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using TileServer.Core.Caching;

/// <summary>The tile cache for every tile kind: the memory tier, then the distributed tier (optional), then
/// production — with single flight both within this instance and across instances.</summary>
/// <remarks>
/// <para>Within the instance, concurrent misses for one storage key share one load task, which runs with its
/// own token so that a disconnecting client does not cancel it for the others.</para>
/// <para>Across instances, a miss in the distributed tier takes the production lock: the winner produces,
/// stores and releases; the others poll the distributed tier until <see cref="TieredTileCacheOptions.LockWaitTimeout"/>,
/// taking the lock themselves as soon as it is free (a winner that failed) and producing themselves if
/// nothing appeared. After taking the lock the tier is read once more, because the previous holder may have
/// stored the tile and released the lock just after our first read: that closes the window for duplicates.</para>
/// <para>Every distributed call goes through <see cref="ResilientDistributedCache"/>, so Redis being down or
/// hanging costs at most its short timeout, then nothing while the circuit is open; requests are then served
/// from memory or produced, and <see cref="Health"/> reports Degraded.</para>
/// </remarks>
public sealed class TieredTileCache : ITileCache, ITileCacheInvalidation, ICacheHealthProbe, IDisposable
{
    private readonly TieredTileCacheOptions options;
    private readonly ILayerGenerations generations;
    private readonly ResilientDistributedCache? distributed;
    private readonly ITileProductionLock? productionLock;
    private readonly TimeProvider time;
    private readonly MemoryTileStore memory;
    private readonly ConcurrentDictionary<string, InFlightProduction> inFlight = new(StringComparer.Ordinal);

    /// <param name="distributed">The shared tier; null for a memory-only cache (one instance).</param>
    /// <param name="productionLock">Cross-instance single flight; null lets each instance produce its own misses.</param>
    public TieredTileCache(
        TieredTileCacheOptions options,
        ILayerGenerations generations,
        ResilientDistributedCache? distributed = null,
        ITileProductionLock? productionLock = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(generations);
        this.options = options;
        this.generations = generations;
        this.distributed = distributed;
        this.productionLock = productionLock;
        time = timeProvider ?? TimeProvider.System;
        memory = new MemoryTileStore(options.Memory);
    }

    public long MemoryCount => memory.Count;

    public CacheHealth Health => distributed?.Health ?? CacheHealth.Healthy(DateTimeOffset.MinValue);

    public async ValueTask<TileLookup> GetOrCreateAsync(
        TileCacheKey key, Func<CancellationToken, Task<TileContent>> produce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(produce);
        string storageKey = await StorageKeyAsync(key, cancellationToken).ConfigureAwait(false);
        if (memory.TryGet(storageKey, out TileContent hit))
        {
            return new TileLookup(hit, FromCache: true);
        }

        while (true)
        {
            var load = inFlight.GetOrAdd(storageKey, _ => new InFlightProduction());
            if (!load.TryJoin(started => LoadAsync(storageKey, key, produce, started)))
            {
                inFlight.TryRemove(new KeyValuePair<string, InFlightProduction>(storageKey, load));
                continue;
            }

            try
            {
                return await load.Task!.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (load.Leave())
                {
                    inFlight.TryRemove(new KeyValuePair<string, InFlightProduction>(storageKey, load));
                }
            }
        }
    }

    /// <summary>The key the tile of the layers' current generations is stored under (for diagnostics and tests).</summary>
    public ValueTask<string> StorageKeyAsync(TileCacheKey key, CancellationToken cancellationToken) =>
        TileStorageKeys.BuildAsync(options.KeyPrefix, key, generations, cancellationToken);

    public async ValueTask RemoveAsync(TileCacheKey key, CancellationToken cancellationToken)
    {
        string storageKey = await StorageKeyAsync(key, cancellationToken).ConfigureAwait(false);
        memory.Remove(storageKey);
        if (distributed is not null)
        {
            await distributed.RemoveAsync(storageKey, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask RemoveLocalAsync(TileCacheKey key, CancellationToken cancellationToken) =>
        memory.Remove(await StorageKeyAsync(key, cancellationToken).ConfigureAwait(false));

    public void ClearLocal() => memory.Clear();

    private async Task<TileLookup> LoadAsync(string storageKey, TileCacheKey key, Func<CancellationToken, Task<TileContent>> produce, InFlightProduction production)
    {
        // Runs detached from the first caller: only when every waiter has left is the production cancelled.
        await System.Threading.Tasks.Task.Yield();
        string? lockToken = null;
        try
        {
            TimeSpan timeToLive = options.TimeToLiveFor(key);
            if (distributed is not null)
            {
                (TileContent? shared, lockToken) = await FindSharedOrLockAsync(distributed, storageKey).ConfigureAwait(false);
                if (shared is not null)
                {
                    memory.Set(storageKey, shared, timeToLive);
                    return new TileLookup(shared, FromCache: true);
                }
            }

            TileContent content = await produce(production.Abandoned).ConfigureAwait(false);
            memory.Set(storageKey, content, timeToLive);
            if (distributed is not null)
            {
                var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive };
                await distributed.SetAsync(storageKey, TileEnvelope.Encode(content), entry, CancellationToken.None).ConfigureAwait(false);
            }

            return new TileLookup(content, FromCache: false);
        }
        finally
        {
            // Released only after the tile is stored, so that waiting instances find it once the lock is free.
            if (lockToken is not null)
            {
                await ReleaseAsync(storageKey, lockToken).ConfigureAwait(false);
            }

            inFlight.TryRemove(new KeyValuePair<string, InFlightProduction>(storageKey, production));
        }
    }

    /// <summary>The tile from the distributed tier (waiting for another instance's production if it holds the
    /// lock), or else null with the lock token when this instance should produce (token null: produce without
    /// the lock, because there is none or the tier is unavailable).</summary>
    private async Task<(TileContent? Shared, string? LockToken)> FindSharedOrLockAsync(ResilientDistributedCache tier, string storageKey)
    {
        if (await ReadAsync(tier, storageKey).ConfigureAwait(false) is { } found)
        {
            return (found, null);
        }

        if (productionLock is null || !tier.IsAvailable)
        {
            return (null, null);
        }

        long deadline = time.GetTimestamp() + (long)(options.LockWaitTimeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            DistributedResult<string?> acquired = await tier.RunAsync(
                "LOCK", ct => productionLock.TryAcquireAsync(storageKey, options.LockTimeToLive, ct), CancellationToken.None).ConfigureAwait(false);
            if (!acquired.Succeeded)
            {
                return (null, null);
            }

            if (acquired.Value is { } token)
            {
                if (await ReadAsync(tier, storageKey).ConfigureAwait(false) is { } storedMeanwhile)
                {
                    await ReleaseAsync(storageKey, token).ConfigureAwait(false);
                    return (storedMeanwhile, null);
                }

                return (null, token);
            }

            // Another instance produces the tile: wait for it, but never longer than the bound.
            if (time.GetTimestamp() >= deadline)
            {
                return (null, null);
            }

            await Task.Delay(options.LockPollInterval, time).ConfigureAwait(false);
            if (await ReadAsync(tier, storageKey).ConfigureAwait(false) is { } produced)
            {
                return (produced, null);
            }

            if (!tier.IsAvailable)
            {
                return (null, null);
            }
        }
    }

    private static async Task<TileContent?> ReadAsync(ResilientDistributedCache tier, string storageKey)
    {
        DistributedResult<byte[]?> read = await tier.GetAsync(storageKey, CancellationToken.None).ConfigureAwait(false);
        return read is { Succeeded: true, Value: { } bytes } && TileEnvelope.TryDecode(bytes, out TileContent content) ? content : null;
    }

    private async Task ReleaseAsync(string storageKey, string token)
    {
        if (distributed is not null && productionLock is not null)
        {
            await distributed.RunAsync(
                "UNLOCK", async ct => { await productionLock.ReleaseAsync(storageKey, token, ct).ConfigureAwait(false); return true; }, CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    public void Dispose() => memory.Dispose();
}
