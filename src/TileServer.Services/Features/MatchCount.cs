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

    /// <summary>
    /// Where the page before the one at <paramref name="offset"/> (pages of <paramref name="limit"/> rows, limit ≥ 1)
    /// starts, for the WFS <c>previous</c> and OGC API <c>prev</c> links: one page back, never below 0; from a page past
    /// the end, the last page that holds matches on the request's grid (the largest offset ≡ offset mod limit below
    /// the count), so walking back never meets empty pages. Null when there is no such page: the page starts at 0,
    /// or nothing matched. Written without offset + limit, which overflows for offsets near 2⁶³.
    /// </summary>
    public long? PreviousPageStart(long offset, long limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (offset <= 0 || (IsExact && Value == 0))
            return null;
        // An inexact count ran past this page, so one page back lies inside the result.
        if (!IsExact || offset < Value)
            return Math.Max(0, offset - limit);
        long last = Value - 1, residue = offset % limit;
        return Math.Max(0, last - ((((last - residue) % limit) + limit) % limit));
    }

    /// <summary>How many rows the page holds: everything left after the offset, at most the limit.</summary>
    public long Returned(long offset, long limit) => Math.Clamp(Value - offset, 0, limit);
}
