namespace TileServer.Core.Features.Filtering;

/// <summary>
/// field IN (v1, v2, …): the field equals one of the listed literals (CQL2 21-065r2 §7, the advanced comparison operators; a WFS fes:Or of
/// PropertyIsEqualTo on one property means the same, FES 2.0 §7.10). Like an OR of equalities, a NULL field never
/// matches. Kept as one node rather than an OR chain, so sources bind the list flat (SQLite parses an OR of n
/// operands n levels deep and refuses more than 1,000) and a list of thousands of codes is one predicate.
/// <see cref="MatchCase"/> = false compares text case-insensitively, as for <see cref="ComparisonFilter"/>.
/// </summary>
public sealed record InFilter : FeatureFilter
{
    public InFilter(string field, IReadOnlyList<FilterValue> values, bool matchCase = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count, nameof(values));
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i].Type != values[0].Type)
                throw new ArgumentException($"the listed values mix {values[0].Type} and {values[i].Type}", nameof(values));
        }

        Field = field;
        Values = values;
        MatchCase = matchCase;
    }

    public string Field { get; }

    /// <summary>The literals, all of one type (that of the field after validation).</summary>
    public IReadOnlyList<FilterValue> Values { get; }

    public bool MatchCase { get; }

    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
