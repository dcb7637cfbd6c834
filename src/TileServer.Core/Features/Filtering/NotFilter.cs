namespace TileServer.Core.Features.Filtering;

/// <summary>The operand does not hold (FES 2.0 §7.10). Like SQL, NOT of a comparison on a NULL field is
/// not true either; sources translate it as SQL NOT and inherit that three-valued logic.</summary>
public sealed record NotFilter(FeatureFilter Operand) : FeatureFilter
{
    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
