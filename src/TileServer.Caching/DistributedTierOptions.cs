namespace TileServer.Caching;

/// <summary>How much delay the distributed tier may add to a request, and when to stop asking it.</summary>
public sealed record DistributedTierOptions
{
    /// <summary>Upper bound of one distributed call; past it the call counts as failed and the request
    /// goes on without the tier. Kept short because producing a tile is usually cheaper than waiting.</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Consecutive failures after which the circuit opens and calls are skipped without waiting.</summary>
    public int FailuresBeforeOpening { get; init; } = 2;

    /// <summary>How long the circuit stays open before one probe call is let through.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(5);
}
