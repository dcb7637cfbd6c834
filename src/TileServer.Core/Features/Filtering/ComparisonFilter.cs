namespace TileServer.Core.Features.Filtering;

/// <summary>field (op) literal. <see cref="MatchCase"/> = false compares text case-insensitively (FES 2.0
/// §7.7.3.2 matchCase); it has no effect on numbers. A NULL field value never matches (SQL semantics,
/// as FES 2.0 §7.7.3.1 expects: use <see cref="NullFilter"/> to find nulls).</summary>
public sealed record ComparisonFilter(string Field, ComparisonOperator Operator, FilterValue Value, bool MatchCase = true) : FeatureFilter
{
    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
