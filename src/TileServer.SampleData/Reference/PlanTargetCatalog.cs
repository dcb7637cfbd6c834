namespace TileServer.SampleData.Reference;

using System.Text.Json;

/// <summary>The approved targets of config/plan_targets.json.</summary>
public static class PlanTargetCatalog
{
    private static readonly Lazy<IReadOnlyList<PlanTarget>> Loaded = new(Load);

    public static IReadOnlyList<PlanTarget> All => Loaded.Value;

    /// <summary>The target entry that governs a county-level unit, if any.</summary>
    public static PlanTarget? Governing(string unitCode) => All.FirstOrDefault(t => t.Members.Contains(unitCode));

    private static IReadOnlyList<PlanTarget> Load()
    {
        using var document = EmbeddedInputs.OpenJson(EmbeddedInputs.PlanTargets);
        var result = new List<PlanTarget>();
        foreach (var plan in document.RootElement.GetProperty("plans").EnumerateArray())
        {
            foreach (var unit in plan.GetProperty("units").EnumerateArray())
            {
                var code = unit.GetProperty("XZQDM").GetString()!;
                var members = unit.TryGetProperty("members", out var m)
                    ? m.EnumerateArray().Select(e => e.GetString()!).ToList()
                    : new List<string> { code };
                var targets = unit.GetProperty("targets");
                result.Add(new PlanTarget(
                    code,
                    unit.GetProperty("XZQMC").GetString()!,
                    members,
                    Bound(targets, "farmland_wanmu", "min"),
                    Bound(targets, "permanent_basic_farmland_wanmu", "min"),
                    Bound(targets, "ecological_redline_km2", "min"),
                    Bound(targets, "basic_grassland_wanmu", "min"),
                    Bound(targets, "urban_boundary_expansion_multiple", "max")));
            }
        }

        return result;
    }

    private static double? Bound(JsonElement targets, string name, string kind) =>
        targets.TryGetProperty(name, out var target) && target.TryGetProperty(kind, out var value) ? value.GetDouble() : null;
}
