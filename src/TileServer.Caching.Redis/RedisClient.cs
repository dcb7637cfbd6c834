namespace TileServer.Caching.Redis;

using System.Runtime.CompilerServices;
using System.Text;
using TileServer.Caching.Redis.Connection;
using TileServer.Caching.Redis.Resp;

/// <summary>A small RESP2 client over one multiplexed, self-healing connection (see
/// <see cref="RedisMultiplexer"/>). Thread-safe; create one per endpoint and share it. Keys are UTF-8
/// text, values are bytes. Failures are <see cref="RedisException"/>s; while Redis is down calls throw
/// <see cref="RedisUnavailableException"/> at once.</summary>
public sealed class RedisClient : IAsyncDisposable, IDisposable
{
    // Commands that would change the shared connection's state for every caller, or block it. CLIENT REPLY
    // is refused too: without replies the in-order matching of replies to commands breaks.
    private static readonly HashSet<string> RefusedCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "AUTH", "HELLO", "RESET", "QUIT", "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH",
        "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "MONITOR", "BLPOP", "BRPOP", "BLMOVE", "BRPOPLPUSH",
        "BZPOPMIN", "BZPOPMAX", "BLMPOP", "BZMPOP", "XREAD", "XREADGROUP", "WAIT",
    };

    private readonly RedisMultiplexer multiplexer;

    public RedisClient(RedisEndpointOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        multiplexer = new RedisMultiplexer(options, timeProvider ?? TimeProvider.System);
    }

    public RedisClient(string connectionString)
        : this(RedisEndpointOptions.Parse(connectionString))
    {
    }

    public RedisEndpointOptions Options => multiplexer.Options;

    public RedisHealth Health => multiplexer.Health;

    /// <summary>Waits until the connection is open (true) or <paramref name="timeout"/> passes (false).</summary>
    public Task<bool> WaitUntilConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        multiplexer.WaitUntilConnectedAsync(timeout, cancellationToken);

    /// <summary>Sends any command that does not change connection state and returns its reply.</summary>
    /// <exception cref="ArgumentException">A command such as SELECT, MULTI or a blocking pop, which would
    /// affect every caller of the shared connection.</exception>
    public Task<RespValue> ExecuteAsync(IReadOnlyList<RedisArgument> commandAndArguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandAndArguments);
        string name = commandAndArguments.Count > 0 ? commandAndArguments[0].ToString() : "";
        bool repliesOff = name.Equals("CLIENT", StringComparison.OrdinalIgnoreCase) && commandAndArguments.Count > 1
            && commandAndArguments[1].ToString().Equals("REPLY", StringComparison.OrdinalIgnoreCase);
        if (RefusedCommands.Contains(name) || repliesOff)
        {
            throw new ArgumentException($"{name} is not allowed on the shared connection (use the options, e.g. database=N).", nameof(commandAndArguments));
        }

        return SendAsync(commandAndArguments, cancellationToken);
    }

    /// <summary>PING; returns the round-trip time.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        long start = TimeProvider.System.GetTimestamp();
        await SendAsync(["PING"], cancellationToken).ConfigureAwait(false);
        return TimeProvider.System.GetElapsedTime(start);
    }

    /// <summary>GET: the value, or null when the key does not exist.</summary>
    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        (await SendAsync(["GET", key], cancellationToken).ConfigureAwait(false)).Bytes;

    /// <summary>GETRANGE (inclusive offsets); empty when the key does not exist.</summary>
    public async Task<byte[]> GetRangeAsync(string key, long start, long end, CancellationToken cancellationToken = default) =>
        (await SendAsync(["GETRANGE", key, start, end], cancellationToken).ConfigureAwait(false)).Bytes ?? [];

    /// <summary>SET key value [PX ms] [NX]. Returns false only when NX found the key already present.</summary>
    public async Task<bool> SetAsync(
        string key, ReadOnlyMemory<byte> value, TimeSpan? expiry = null, bool onlyIfNotExists = false, CancellationToken cancellationToken = default)
    {
        var command = new List<RedisArgument>(6) { "SET", key, value };
        if (expiry is { } ttl)
        {
            command.Add("PX");
            command.Add(ToWholeMilliseconds(ttl));
        }

        if (onlyIfNotExists)
        {
            command.Add("NX");
        }

        // +OK when set; a null bulk string when NX (or XX) did not set (https://redis.io/docs/latest/commands/set/).
        RespValue reply = await SendAsync(command, cancellationToken).ConfigureAwait(false);
        return !reply.IsNull;
    }

    /// <summary>DEL: removes the keys, returns how many existed.</summary>
    public Task<long> DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        KeysCommandAsync("DEL", keys, cancellationToken);

    public Task<long> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        KeysCommandAsync("DEL", [key], cancellationToken);

    /// <summary>UNLINK: like DEL, but the server frees the memory in the background (large values).</summary>
    public Task<long> UnlinkAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        KeysCommandAsync("UNLINK", keys, cancellationToken);

    /// <summary>EXPIRE for whole seconds, PEXPIRE otherwise. False when the key does not exist.</summary>
    public async Task<bool> ExpireAsync(string key, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        long milliseconds = ToWholeMilliseconds(ttl);
        RedisArgument[] command = milliseconds % 1000 == 0 ? ["EXPIRE", key, milliseconds / 1000] : ["PEXPIRE", key, milliseconds];
        return (await SendAsync(command, cancellationToken).ConfigureAwait(false)).Integer == 1;
    }

    /// <summary>PTTL: the remaining time to live; null when the key does not exist or has no expiry.</summary>
    public async Task<TimeSpan?> TimeToLiveAsync(string key, CancellationToken cancellationToken = default)
    {
        long milliseconds = (await SendAsync(["PTTL", key], cancellationToken).ConfigureAwait(false)).Integer;
        return milliseconds < 0 ? null : TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>INCR: the value after incrementing (a missing key counts as 0).</summary>
    public async Task<long> IncrementAsync(string key, CancellationToken cancellationToken = default) =>
        (await SendAsync(["INCR", key], cancellationToken).ConfigureAwait(false)).Integer;

    /// <summary>PUBLISH: sends a message to a channel; returns how many subscribers received it.</summary>
    public async Task<long> PublishAsync(string channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        (await SendAsync(["PUBLISH", channel, message], cancellationToken).ConfigureAwait(false)).Integer;

    /// <summary>SCAN with MATCH: walks the keyspace in pages (non-blocking for the server, unlike KEYS).
    /// Keys changed during the walk may be missed or returned twice, as SCAN documents.</summary>
    public async IAsyncEnumerable<string> ScanAsync(
        string pattern, int pageSize = 250, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string cursor = "0";
        do
        {
            RespValue reply = await SendAsync(["SCAN", cursor, "MATCH", pattern, "COUNT", pageSize], cancellationToken).ConfigureAwait(false);
            if (reply.Items is not [var next, { Items: { } keys }])
            {
                throw new RespProtocolException($"unexpected SCAN reply {reply}");
            }

            cursor = next.AsText() ?? "0";
            foreach (RespValue key in keys)
            {
                yield return Encoding.UTF8.GetString(key.Bytes ?? []);
            }
        }
        while (cursor != "0");
    }

    public ValueTask DisposeAsync() => multiplexer.DisposeAsync();

    public void Dispose() => multiplexer.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<long> KeysCommandAsync(string name, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return 0;
        }

        var command = new List<RedisArgument>(keys.Count + 1) { name };
        command.AddRange(keys.Select(key => (RedisArgument)key));
        return (await SendAsync(command, cancellationToken).ConfigureAwait(false)).Integer;
    }

    private Task<RespValue> SendAsync(IReadOnlyList<RedisArgument> command, CancellationToken cancellationToken) =>
        multiplexer.ExecuteAsync(RespCommandEncoder.Encode(command), cancellationToken);

    private static long ToWholeMilliseconds(TimeSpan ttl)
    {
        // Redis rejects a zero or negative expire time in SET ("invalid expire time"): round up to 1 ms.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        return Math.Max(1, (long)Math.Ceiling(ttl.TotalMilliseconds));
    }
}
