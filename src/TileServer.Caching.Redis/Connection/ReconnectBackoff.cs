namespace TileServer.Caching.Redis.Connection;

/// <summary>Exponential back-off with "equal jitter": the delay before attempt n is a random value in
/// [cap/2, cap] with cap = min(max, min·2ⁿ). The random half keeps many server instances from
/// reconnecting in lockstep after a shared Redis restarts; the fixed half keeps the growth.</summary>
internal sealed class ReconnectBackoff(TimeSpan minDelay, TimeSpan maxDelay)
{
    public TimeSpan Delay(int failedAttempts)
    {
        double factor = Math.Pow(2, Math.Clamp(failedAttempts, 0, 30));
        double capMs = Math.Min(maxDelay.TotalMilliseconds, minDelay.TotalMilliseconds * factor);
        return TimeSpan.FromMilliseconds(capMs / 2 + Random.Shared.NextDouble() * capMs / 2);
    }
}
