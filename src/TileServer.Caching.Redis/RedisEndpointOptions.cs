namespace TileServer.Caching.Redis;

using System.Globalization;

/// <summary>Where and how to reach Redis, read from the connection string the server is configured with:
/// <c>host:port,password=…,user=…,database=N,connectTimeout=ms,syncTimeout=ms</c> (the keys and units of
/// StackExchange.Redis's configuration strings, so the same string works if that client is swapped in).</summary>
public sealed record RedisEndpointOptions
{
    public const int DefaultPort = 6379;

    public required string Host { get; init; }

    public int Port { get; init; } = DefaultPort;

    /// <summary>Sent with AUTH on every (re)connect; null for a server without requirepass.</summary>
    public string? Password { get; init; }

    /// <summary>ACL user for <c>AUTH user password</c> (Redis 6+); null uses the default user.</summary>
    public string? User { get; init; }

    /// <summary>Selected with SELECT on every (re)connect. Fixed per client: the connection is shared, so
    /// callers cannot switch databases on it.</summary>
    public int Database { get; init; }

    /// <summary>Limit for opening a connection (TCP connect plus AUTH/SELECT).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Limit for one command's reply; also how long a call waits for the first connection.</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>First reconnect delay after a failure; doubled per failed attempt (with jitter).</summary>
    public TimeSpan ReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound of the reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public string EndPointText => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>Parses <c>host[:port][,key=value]…</c>. Keys are case-insensitive; times are milliseconds.
    /// IPv6 hosts are written in brackets (<c>[::1]:6379</c>).</summary>
    /// <exception cref="FormatException">An empty host, a bad number or an unknown key.</exception>
    public static RedisEndpointOptions Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        string[] parts = connectionString.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Contains('=', StringComparison.Ordinal))
        {
            throw new FormatException($"Redis connection string '{connectionString}' does not start with host:port.");
        }

        (string host, int port) = ParseEndPoint(parts[0]);
        var options = new RedisEndpointOptions { Host = host, Port = port };
        foreach (string part in parts.Skip(1))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Redis connection string: '{part}' is not key=value (only one host:port is supported).");
            }

            string key = part[..equals].Trim();
            string value = part[(equals + 1)..].Trim();
            options = key.ToLowerInvariant() switch
            {
                "password" => options with { Password = value.Length == 0 ? null : value },
                "user" => options with { User = value.Length == 0 ? null : value },
                "database" or "defaultdatabase" => options with { Database = ParseNumber(key, value, 0, int.MaxValue) },
                "connecttimeout" => options with { ConnectTimeout = ParseMilliseconds(key, value) },
                "synctimeout" or "asynctimeout" => options with { SyncTimeout = ParseMilliseconds(key, value) },
                "reconnectmindelay" => options with { ReconnectMinDelay = ParseMilliseconds(key, value) },
                "reconnectmaxdelay" => options with { ReconnectMaxDelay = ParseMilliseconds(key, value) },
                // This client never aborts on a failed first connect: it degrades and keeps retrying,
                // which is what abortConnect=false asks of StackExchange.Redis.
                "abortconnect" => options,
                _ => throw new FormatException($"Redis connection string: unknown key '{key}'."),
            };
        }

        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            throw new FormatException("Redis connection string: reconnectMaxDelay is shorter than reconnectMinDelay.");
        }

        return options;
    }

    /// <summary>The connection string without the password, for logs.</summary>
    public override string ToString() =>
        $"{EndPointText},database={Database},password={(Password is null ? "(none)" : "*****")}";

    private static (string Host, int Port) ParseEndPoint(string text)
    {
        string host = text;
        string? portText = null;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"Redis connection string: unclosed '[' in '{text}'.");
            }

            host = text[1..close];
            string rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                portText = rest.StartsWith(':') ? rest[1..] : throw new FormatException($"Redis connection string: bad end point '{text}'.");
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            int colon = text.IndexOf(':', StringComparison.Ordinal);
            host = text[..colon];
            portText = text[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            throw new FormatException($"Redis connection string: no host in '{text}'.");
        }

        int port = portText is null ? DefaultPort : ParseNumber("port", portText, 1, 65535);
        return (host, port);
    }

    private static int ParseNumber(string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= min && number <= max
            ? number
            : throw new FormatException($"Redis connection string: {key}='{value}' is not a number from {min} to {max}.");

    private static TimeSpan ParseMilliseconds(string key, string value) =>
        TimeSpan.FromMilliseconds(ParseNumber(key, value, 1, int.MaxValue));
}
