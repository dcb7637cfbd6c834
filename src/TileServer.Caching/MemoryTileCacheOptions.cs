namespace TileServer.Caching;

/// <summary>Limits of the in-process tile cache.</summary>
public sealed record MemoryTileCacheOptions
{
    /// <summary>Upper bound of the bytes held (tile bytes, gzip copies and bookkeeping).</summary>
    public long SizeLimitBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>How long a tile may stay unused before it is evicted.</summary>
    public TimeSpan SlidingExpiration { get; init; } = TimeSpan.FromHours(1);
}
