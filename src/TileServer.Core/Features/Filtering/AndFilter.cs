namespace TileServer.Core.Features.Filtering;

/// <summary>All operands hold (FES 2.0 §7.10). An empty list is rejected: it has no agreed meaning.</summary>
public sealed record AndFilter : FeatureFilter
{
    public AndFilter(IReadOnlyList<FeatureFilter> operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        ArgumentOutOfRangeException.ThrowIfZero(operands.Count, nameof(operands));
        Operands = operands;
    }

    public IReadOnlyList<FeatureFilter> Operands { get; }

    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
