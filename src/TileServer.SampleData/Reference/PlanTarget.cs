namespace TileServer.SampleData.Reference;

/// <summary>The approved binding indicators of one planning unit. <see cref="Members"/> lists the
/// county-level units whose sum the targets apply to (just the unit itself, or the 8 units of 通辽市).
/// Null means the plan sets no such target.</summary>
public sealed record PlanTarget(
    string Code,
    string Name,
    IReadOnlyList<string> Members,
    double? FarmlandWanmu,
    double? PermanentBasicFarmlandWanmu,
    double? EcologicalRedlineKm2,
    double? BasicGrasslandWanmu,
    double? ExpansionMultipleMax)
{
    /// <summary>1 万亩 = 10,000 mu = 10,000/15 ha.</summary>
    public const double SquareMetresPerWanmu = 10_000.0 / 15.0 * 10_000.0;
}
