namespace TileServer.Caching;

using Microsoft.Extensions.Caching.Distributed;
using TileServer.Core.Caching;

/// <summary>Guards every call to the distributed tier (an <see cref="IDistributedCache"/> and, through
/// <see cref="RunAsync{T}"/>, the production lock on the same server) so that an unavailable or hanging
/// Redis never fails a request and delays it by at most <see cref="DistributedTierOptions.OperationTimeout"/>.</summary>
/// <remarks>
/// Each call gets the timeout; exceptions are caught and reported as a failed <see cref="DistributedResult{T}"/>.
/// After <see cref="DistributedTierOptions.FailuresBeforeOpening"/> consecutive failures a circuit breaker
/// opens: calls are skipped without any wait for <see cref="DistributedTierOptions.BreakDuration"/>, then a
/// single probe call is let through; its success closes the circuit, its failure opens it again. Only a
/// cancellation requested by the caller is thrown.
/// </remarks>
public sealed class ResilientDistributedCache : ICacheHealthProbe
{
    private readonly IDistributedCache inner;
    private readonly DistributedTierOptions options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private int consecutiveFailures;
    private DateTimeOffset? openUntil;
    private bool probing;
    private CacheHealth health;

    public ResilientDistributedCache(IDistributedCache inner, DistributedTierOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        this.inner = inner;
        this.options = options ?? new DistributedTierOptions();
        time = timeProvider ?? TimeProvider.System;
        health = CacheHealth.Healthy(time.GetUtcNow());
    }

    public CacheHealth Health
    {
        get
        {
            lock (gate)
            {
                return health;
            }
        }
    }

    /// <summary>False while the circuit is open: callers can skip optional work (such as waiting for another
    /// instance) that only makes sense when the tier answers.</summary>
    public bool IsAvailable
    {
        get
        {
            lock (gate)
            {
                return openUntil is null;
            }
        }
    }

    public Task<DistributedResult<byte[]?>> GetAsync(string key, CancellationToken cancellationToken) =>
        RunAsync("GET", ct => inner.GetAsync(key, ct), cancellationToken);

    public async Task<bool> SetAsync(string key, byte[] value, DistributedCacheEntryOptions entryOptions, CancellationToken cancellationToken) =>
        (await RunAsync("SET", async ct => { await inner.SetAsync(key, value, entryOptions, ct).ConfigureAwait(false); return true; }, cancellationToken)
            .ConfigureAwait(false)).Succeeded;

    public async Task<bool> RemoveAsync(string key, CancellationToken cancellationToken) =>
        (await RunAsync("REMOVE", async ct => { await inner.RemoveAsync(key, ct).ConfigureAwait(false); return true; }, cancellationToken)
            .ConfigureAwait(false)).Succeeded;

    /// <summary>Runs one call against the distributed server under the timeout and the circuit breaker.</summary>
    public async Task<DistributedResult<T>> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!TryEnter(out bool isProbe))
        {
            return DistributedResult<T>.Failed;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<T>? pending = null;
        try
        {
            pending = call(timeout.Token);
            // WaitAsync bounds the wait even for an implementation that ignores its token (a hung socket).
            T value = await pending.WaitAsync(options.OperationTimeout, time, cancellationToken).ConfigureAwait(false);
            RecordSuccess();
            return new DistributedResult<T>(true, value);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            EndProbe(isProbe);
            throw;
        }
        catch (TimeoutException)
        {
            await timeout.CancelAsync().ConfigureAwait(false);
            RecordFailure(isProbe, $"distributed cache {operation} timed out after {options.OperationTimeout.TotalMilliseconds:0} ms");
        }
        catch (Exception error)
        {
            RecordFailure(isProbe, $"distributed cache {operation} failed: {error.GetType().Name}: {error.Message}");
        }

        // The abandoned call may still fail later; observe it so it does not surface as an unobserved exception.
        _ = pending?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return DistributedResult<T>.Failed;
    }

    private bool TryEnter(out bool isProbe)
    {
        isProbe = false;
        lock (gate)
        {
            if (openUntil is null)
            {
                return true;
            }

            if (time.GetUtcNow() < openUntil || probing)
            {
                return false;
            }

            probing = isProbe = true;
            return true;
        }
    }

    private void EndProbe(bool isProbe)
    {
        if (isProbe)
        {
            lock (gate)
            {
                probing = false;
            }
        }
    }

    private void RecordSuccess()
    {
        lock (gate)
        {
            consecutiveFailures = 0;
            openUntil = null;
            probing = false;
            if (!health.IsHealthy)
            {
                health = CacheHealth.Healthy(time.GetUtcNow());
            }
        }
    }

    private void RecordFailure(bool wasProbe, string reason)
    {
        lock (gate)
        {
            DateTimeOffset now = time.GetUtcNow();
            consecutiveFailures++;
            probing = false;
            if (wasProbe || consecutiveFailures >= options.FailuresBeforeOpening)
            {
                openUntil = now + options.BreakDuration;
            }

            // Keep the first failure's time as "since": /health should say how long the outage lasts.
            health = CacheHealth.Degraded(reason, health.IsHealthy ? now : health.Since);
        }
    }
}
