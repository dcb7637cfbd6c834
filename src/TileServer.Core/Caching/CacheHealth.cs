namespace TileServer.Core.Caching;

/// <summary>The tile cache's state for /health: Degraded carries the reason (the last failure of the
/// distributed tier). A degraded cache still serves every request, only with less sharing between instances.</summary>
public sealed record CacheHealth(CacheHealthState State, string? Reason, DateTimeOffset Since)
{
    public bool IsHealthy => State == CacheHealthState.Healthy;

    public static CacheHealth Healthy(DateTimeOffset since) => new(CacheHealthState.Healthy, null, since);

    public static CacheHealth Degraded(string reason, DateTimeOffset since) => new(CacheHealthState.Degraded, reason, since);
}
