namespace TileServer.Core.Features.Filtering;

/// <summary>ResourceId (FES 2.0 §7.11): features whose row id (<see cref="FeatureRecord.Fid"/>) is listed.</summary>
public sealed record IdFilter : FeatureFilter
{
    public IdFilter(IReadOnlyList<long> fids)
    {
        ArgumentNullException.ThrowIfNull(fids);
        ArgumentOutOfRangeException.ThrowIfZero(fids.Count, nameof(fids));
        Fids = fids;
    }

    public IReadOnlyList<long> Fids { get; }

    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
