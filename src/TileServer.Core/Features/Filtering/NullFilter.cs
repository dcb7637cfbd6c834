namespace TileServer.Core.Features.Filtering;

/// <summary>PropertyIsNull (FES 2.0 §7.7.3.5): the field has no value.</summary>
public sealed record NullFilter(string Field) : FeatureFilter
{
    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
