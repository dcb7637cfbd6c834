namespace TileServer.Caching.Redis.Connection;

using TileServer.Caching.Redis.Resp;

/// <summary>Owns the one shared <see cref="RedisConnection"/> and the circuit breaker around it.</summary>
/// <remarks>
/// Why one multiplexed socket rather than a pool: Redis executes one connection's commands in order and
/// pipelining is its intended high-throughput mode, so one socket saturates a single-threaded server while
/// keeping one handshake, one health state and one breaker. The cost is head-of-line blocking behind a
/// large value, acceptable for tiles of tens of kilobytes. Commands that change connection state (SELECT,
/// MULTI, SUBSCRIBE, blocking pops) are therefore refused by <see cref="RedisClient"/>.
///
/// Circuit breaker: while connected (closed), commands go to the socket. When the connection fails (I/O
/// error, EOF, protocol error or a reply timeout) the circuit opens: every call throws
/// <see cref="RedisUnavailableException"/> immediately, without waiting for any connect timeout, and a
/// background loop reconnects with exponential back-off and jitter. Each reconnect attempt is the
/// half-open probe; its success closes the circuit. Calls never trigger connects themselves.
/// </remarks>
internal sealed class RedisMultiplexer : IAsyncDisposable
{
    private readonly RedisEndpointOptions options;
    private readonly TimeProvider time;
    private readonly ReconnectBackoff backoff;
    private readonly CancellationTokenSource disposal = new();
    private readonly TaskCompletionSource firstAttemptDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private RedisConnection? current;
    private RedisHealth health;
    private bool disposed;

    public RedisMultiplexer(RedisEndpointOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay);
        health = new RedisHealth(RedisHealthState.Connecting, time.GetUtcNow(), null, null);
        _ = Task.Run(() => ConnectLoopAsync(firstAttemptImmediately: true));
    }

    public RedisHealth Health => Volatile.Read(ref health);

    public RedisEndpointOptions Options => options;

    public async Task<RespValue> ExecuteAsync(byte[] payload, CancellationToken cancellationToken)
    {
        RedisConnection connection = Volatile.Read(ref current) ?? await WaitForFirstConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(payload, options.SyncTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until connected or <paramref name="timeout"/> passes; for start-up checks and tests.</summary>
    public async Task<bool> WaitUntilConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        long deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (!Health.IsConnected && !disposed)
        {
            if (time.GetTimestamp() >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
        }

        return Health.IsConnected;
    }

    public async ValueTask DisposeAsync()
    {
        RedisConnection? connection;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            connection = current;
            current = null;
            Volatile.Write(ref health, health with { State = RedisHealthState.Disposed, Since = time.GetUtcNow(), NextReconnectAttempt = null });
        }

        disposal.Cancel();
        firstAttemptDone.TrySetResult();
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Only while the very first attempt is running do calls wait, and at most syncTimeout; once
    /// a connection has failed they fail fast.</summary>
    private async Task<RedisConnection> WaitForFirstConnectionAsync(CancellationToken cancellationToken)
    {
        if (Health.State == RedisHealthState.Connecting)
        {
            try
            {
                await firstAttemptDone.Task.WaitAsync(options.SyncTimeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Reported below as unavailable ("still connecting").
            }
        }

        return Volatile.Read(ref current) ?? throw Unavailable();
    }

    private Exception Unavailable()
    {
        RedisHealth snapshot = Health;
        string server = $"Redis at {options.EndPointText}";
        return snapshot.State switch
        {
            RedisHealthState.Disposed => new ObjectDisposedException(nameof(RedisClient)),
            RedisHealthState.Connecting => new RedisUnavailableException(
                $"{server} is not connected yet (still connecting after {options.SyncTimeout.TotalMilliseconds:0} ms).", null),
            _ => new RedisUnavailableException(
                $"{server} is unavailable since {snapshot.Since:HH:mm:ss.fff} (circuit open; reconnecting in the background): "
                + (snapshot.LastError?.Message ?? "connection lost"),
                snapshot.LastError),
        };
    }

    private void OnConnectionFault(RedisConnection connection, Exception reason)
    {
        lock (gate)
        {
            if (disposed || !ReferenceEquals(current, connection))
            {
                return;
            }

            current = null;
            Volatile.Write(ref health, new RedisHealth(RedisHealthState.Degraded, time.GetUtcNow(), reason, null));
        }

        _ = Task.Run(() => ConnectLoopAsync(firstAttemptImmediately: false));
    }

    /// <summary>Runs until one connection is open. Exactly one loop runs at a time: one starts in the
    /// constructor and one per fault of the current connection, which only exists once the previous loop ended.</summary>
    private async Task ConnectLoopAsync(bool firstAttemptImmediately)
    {
        for (int failures = 0; !disposal.IsCancellationRequested; failures++)
        {
            if (failures > 0 || !firstAttemptImmediately)
            {
                TimeSpan delay = backoff.Delay(firstAttemptImmediately ? failures - 1 : failures);
                lock (gate)
                {
                    if (disposed)
                    {
                        return;
                    }

                    Volatile.Write(ref health, health with { NextReconnectAttempt = time.GetUtcNow() + delay });
                }

                try
                {
                    await Task.Delay(delay, time, disposal.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            try
            {
                RedisConnection connection = await RedisConnection.OpenAsync(options, OnConnectionFault, disposal.Token).ConfigureAwait(false);
                if (TryInstall(connection))
                {
                    firstAttemptDone.TrySetResult();
                    return;
                }

                await connection.DisposeAsync().ConfigureAwait(false);
                if (disposed)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                if (disposal.IsCancellationRequested)
                {
                    return;
                }

                lock (gate)
                {
                    // Keep the time the outage began; record the latest reason.
                    DateTimeOffset since = health.State == RedisHealthState.Degraded ? health.Since : time.GetUtcNow();
                    Volatile.Write(ref health, new RedisHealth(RedisHealthState.Degraded, since, ex, null));
                }

                firstAttemptDone.TrySetResult();
            }
        }
    }

    /// <summary>Makes the new connection current unless it already failed (its fault report was ignored
    /// because it was not current yet, so treating it as a failed attempt keeps the loop going).</summary>
    private bool TryInstall(RedisConnection connection)
    {
        lock (gate)
        {
            if (disposed || connection.IsFaulted)
            {
                return false;
            }

            current = connection;
            Volatile.Write(ref health, new RedisHealth(RedisHealthState.Connected, time.GetUtcNow(), health.LastError, null));
            return true;
        }
    }
}
