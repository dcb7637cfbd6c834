namespace TileServer.Caching;

using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Distributed;
using TileServer.Core.Caching;

/// <summary>Layer generations shared by every instance through the distributed cache (key
/// <c>{prefix}{layer}</c>, an 8-byte big-endian number without expiry), so that a bump on one instance
/// invalidates the layer on all of them.</summary>
/// <remarks>
/// <para>A generation is a stamp, not a counter: a bump writes max(known + 1, now in UTC ticks). An
/// <see cref="IDistributedCache"/> has no atomic increment, but two concurrent bumps still write two different
/// new values and the last one wins, so no tile produced between them stays reachable.</para>
/// <para>Each instance keeps the highest value it has seen and re-reads the shared one at most every
/// <c>refreshInterval</c>; another instance's bump therefore takes effect here within that interval. Values
/// never move backwards: when the shared value is missing (Redis restarted without persistence) or lower,
/// or a bump could not be written while Redis was down, the instance writes its own value back, so the
/// instances converge again once Redis answers. While Redis is down, bumps apply locally at once.</para>
/// </remarks>
public sealed class DistributedLayerGenerations : ILayerGenerations
{
    private readonly ResilientDistributedCache cache;
    private readonly TimeSpan refreshInterval;
    private readonly string prefix;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, LayerGenerationEntry> entries = new(StringComparer.Ordinal);

    public DistributedLayerGenerations(
        ResilientDistributedCache cache, TimeSpan refreshInterval, string prefix = "tileserver:generation:", TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        this.cache = cache;
        this.refreshInterval = refreshInterval;
        this.prefix = prefix;
        time = timeProvider ?? TimeProvider.System;
    }

    public async ValueTask<long> GetAsync(string layer, CancellationToken cancellationToken)
    {
        LayerGenerationEntry entry = entries.GetOrAdd(layer, _ => new LayerGenerationEntry());
        TaskCompletionSource? owner = null;
        Task refresh;
        lock (entry.Gate)
        {
            if (time.GetUtcNow() - entry.CheckedAt < refreshInterval)
            {
                return entry.Value;
            }

            // One refresh per layer at a time; concurrent requests share it (it is bounded by the tier's timeout).
            if (entry.Refreshing is null)
            {
                owner = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                entry.Refreshing = owner.Task;
            }

            refresh = entry.Refreshing;
        }

        if (owner is not null)
        {
            try
            {
                await RefreshAsync(layer, entry).ConfigureAwait(false);
            }
            finally
            {
                lock (entry.Gate)
                {
                    entry.Refreshing = null;
                }

                owner.SetResult();
            }
        }
        else
        {
            await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (entry.Gate)
        {
            return entry.Value;
        }
    }

    public async ValueTask<long> BumpAsync(string layer, CancellationToken cancellationToken)
    {
        LayerGenerationEntry entry = entries.GetOrAdd(layer, _ => new LayerGenerationEntry());
        DistributedResult<byte[]?> shared = await cache.GetAsync(prefix + layer, cancellationToken).ConfigureAwait(false);
        long next;
        lock (entry.Gate)
        {
            long known = Math.Max(entry.Value, shared.Succeeded ? Parse(shared.Value) : 0);
            next = Math.Max(known + 1, time.GetUtcNow().UtcTicks);
            entry.Value = next;
            entry.CheckedAt = time.GetUtcNow();
        }

        await WriteAsync(layer, next, cancellationToken).ConfigureAwait(false);
        return next;
    }

    public void Observe(string layer, long generation)
    {
        LayerGenerationEntry entry = entries.GetOrAdd(layer, _ => new LayerGenerationEntry());
        lock (entry.Gate)
        {
            entry.Value = Math.Max(entry.Value, generation);
        }
    }

    private async Task RefreshAsync(string layer, LayerGenerationEntry entry)
    {
        DistributedResult<byte[]?> shared = await cache.GetAsync(prefix + layer, CancellationToken.None).ConfigureAwait(false);
        long local;
        lock (entry.Gate)
        {
            local = entry.Value;
            if (shared.Succeeded)
            {
                entry.Value = Math.Max(local, Parse(shared.Value));
            }

            // Also after a failure: while Redis is down requests use the known value instead of each waiting.
            entry.CheckedAt = time.GetUtcNow();
        }

        if (shared.Succeeded && Parse(shared.Value) < local)
        {
            await WriteAsync(layer, local, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private Task<bool> WriteAsync(string layer, long generation, CancellationToken cancellationToken)
    {
        byte[] value = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(value, generation);
        return cache.SetAsync(prefix + layer, value, new DistributedCacheEntryOptions(), cancellationToken);
    }

    private static long Parse(byte[]? value) =>
        value is { Length: sizeof(long) } ? BinaryPrimitives.ReadInt64BigEndian(value) : 0;
}
