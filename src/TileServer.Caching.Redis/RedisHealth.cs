namespace TileServer.Caching.Redis;

/// <summary>A snapshot of the client's state for health checks and logs.</summary>
/// <param name="LastError">The failure that made the client degraded (kept after recovery for diagnosis).</param>
/// <param name="NextReconnectAttempt">When degraded: when the background loop tries again.</param>
public sealed record RedisHealth(
    RedisHealthState State,
    DateTimeOffset Since,
    Exception? LastError,
    DateTimeOffset? NextReconnectAttempt)
{
    public bool IsConnected => State == RedisHealthState.Connected;
}
