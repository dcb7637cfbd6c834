namespace TileServer.Sources.PostGis;

/// <summary>How a <see cref="PostGisFeatureSource"/> connects and what it publishes.</summary>
public sealed record PostGisSourceOptions
{
    /// <summary>An Npgsql connection string (Host, Port, Database, Username, Password, …). Pool size,
    /// timeouts and auto-prepare are set by the source from the other options.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Schemas whose tables are published; null or empty publishes every schema the role can read.</summary>
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>Tables to publish ("schema.table", or "table" for public); null or empty publishes all discovered ones.</summary>
    public IReadOnlyList<string>? Tables { get; init; }

    /// <summary>Upper bound of open connections; further queries wait for a free one (then fail as unavailable).</summary>
    public int MaxPoolSize { get; init; } = 16;

    /// <summary>Longest a single statement may run on the server before it is cancelled.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest to wait for a TCP connection (or a free pooled one); kept short so an outage fails fast.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The Retry-After hint carried by <see cref="TileServer.Core.Errors.SourceUnavailableException"/>.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(5);
}
