namespace TileServer.Core.Features.Filtering;

/// <summary>PropertyIsBetween (FES 2.0 §7.7.3.7): lower ≤ field ≤ upper, both bounds inclusive.</summary>
public sealed record BetweenFilter(string Field, FilterValue Lower, FilterValue Upper) : FeatureFilter
{
    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
