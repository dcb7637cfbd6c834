namespace TileServer.Core.Features.Filtering;

/// <summary>At least one operand holds (FES 2.0 §7.10). An empty list is rejected.</summary>
public sealed record OrFilter : FeatureFilter
{
    public OrFilter(IReadOnlyList<FeatureFilter> operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        ArgumentOutOfRangeException.ThrowIfZero(operands.Count, nameof(operands));
        Operands = operands;
    }

    public IReadOnlyList<FeatureFilter> Operands { get; }

    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
