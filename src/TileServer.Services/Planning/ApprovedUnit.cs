namespace TileServer.Services.Planning;

/// <summary>A planning unit with approved targets: a county-level unit, or a city whose targets apply to the
/// sum of its <see cref="Members"/> (通辽市 150500). Targets are keyed by the names of plan_targets.json
/// (farmland_wanmu, ecological_redline_km2, …).</summary>
public sealed record ApprovedUnit(
    string Code,
    string Name,
    string Plan,
    string Approval,
    IReadOnlyList<string> Members,
    IReadOnlyDictionary<string, TargetBound> Targets)
{
    public bool IsAggregate => Members.Count > 1 || (Members.Count == 1 && Members[0] != Code);
}
