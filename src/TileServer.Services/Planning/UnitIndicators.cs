namespace TileServer.Services.Planning;

/// <summary>The indicators of one unit (county-level, or an aggregate such as 通辽市 over its members) and the
/// conflicts inside it. <see cref="Crs"/> names the Gauss-Krüger zone(s) the areas were measured in.</summary>
public sealed record UnitIndicators(
    string Xzqdm,
    string Xzqmc,
    string? Plan,
    string? Approval,
    IReadOnlyList<string> Members,
    IReadOnlyList<string> MissingMembers,
    IReadOnlyList<string> Crs,
    IReadOnlyList<IndicatorValue> Indicators,
    IReadOnlyList<ConflictItem> Conflicts);
