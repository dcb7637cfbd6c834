namespace TileServer.Services.Features;

/// <summary>The result of a bounded count: the exact number of matches, or only that there are at least
/// <see cref="Value"/> of them (WFS numberMatched="unknown", OGC API without numberMatched).</summary>
public readonly record struct MatchCount(long Value, bool IsExact)
{
    public static MatchCount Exact(long value) => new(value, true);

    public static MatchCount AtLeast(long value) => new(value, false);

    /// <summary>Whether rows exist beyond the page that starts at <paramref name="offset"/> and holds
    /// <paramref name="limit"/> rows. Only answered exactly when the count reached past the page
    /// (<see cref="FeatureService.CountUpToAsync"/> guarantees it).</summary>
    // A difference, not offset + limit: the sum overflows for an offset near long.MaxValue, which read as "more
    // rows follow" and gave a next link with a negative offset.
    public bool HasMoreThan(long offset, long limit) => Value - offset > limit;

    /// <summary>How many rows the page holds: everything left after the offset, at most the limit.</summary>
    public long Returned(long offset, long limit) => Math.Clamp(Value - offset, 0, limit);
}
