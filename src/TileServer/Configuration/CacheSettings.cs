namespace TileServer.Configuration;

/// <summary>Tile cache settings (<c>TileServer:Cache</c>).</summary>
public sealed record CacheSettings
{
    /// <summary>The environment variable naming a Redis ("host:port[,password=…]") shared by instances.</summary>
    public const string RedisVariable = "TILESERVER_REDIS";

    /// <summary>Upper bound of the in-process tier.</summary>
    public int MemoryMegabytes { get; init; } = 256;

    /// <summary>Redis endpoint for the shared tier; empty for memory only. TILESERVER_REDIS overrides it.</summary>
    public string Redis { get; init; } = "";

    /// <summary>Time to live of tiles in the shared tier.</summary>
    public int DefaultTimeToLiveSeconds { get; init; } = 86400;

    /// <summary>Per-layer time to live in the shared tier (a composite takes the shortest of its layers).</summary>
    public Dictionary<string, int> LayerTimeToLiveSeconds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How often GeoPackage files are checked for changes; a changed file bumps its layers'
    /// generations so that no stale tile is served. 0 turns the check off.</summary>
    public double SourceWatchSeconds { get; init; } = 5;
}
