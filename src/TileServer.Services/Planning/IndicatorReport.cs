namespace TileServer.Services.Planning;

/// <summary>All units' indicators and all conflicts of one computation. <see cref="AreaMethod"/> is
/// "gauss-kruger": planar areas in each unit's CGCS2000 3-degree Gauss-Krüger zone.</summary>
public sealed record IndicatorReport(string AreaMethod, DateTimeOffset ComputedAt, IReadOnlyList<UnitIndicators> Units, IReadOnlyList<ConflictItem> Conflicts)
{
    public const string GaussKruger = "gauss-kruger";
}
