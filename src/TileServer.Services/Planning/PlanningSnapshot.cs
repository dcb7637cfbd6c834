namespace TileServer.Services.Planning;

/// <summary>One finished computation over the published layers: measures per county-level unit (by xzqdm)
/// and the control-line conflicts, ordered by unit and bsm.</summary>
public sealed record PlanningSnapshot(
    DateTimeOffset ComputedAt,
    IReadOnlyDictionary<string, UnitMeasures> Units,
    IReadOnlyList<ControlLineConflict> Conflicts);
