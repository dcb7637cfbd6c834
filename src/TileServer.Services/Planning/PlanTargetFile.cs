namespace TileServer.Services.Planning;

using System.Text.Json;
using TileServer.Core.Errors;

/// <summary>Reads config/plan_targets.json: plans → units → targets {name: {min|max: value}}. A unit with
/// a "members" list is an aggregate (the targets bind the sum over its members).</summary>
public static class PlanTargetFile
{
    public static IReadOnlyList<ApprovedUnit> Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Parse(document.RootElement);
        }
        catch (Exception bad) when (bad is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ConfigurationException($"{path}: cannot read the approved targets: {bad.Message}", bad);
        }
    }

    private static List<ApprovedUnit> Parse(JsonElement root)
    {
        var units = new List<ApprovedUnit>();
        foreach (var plan in root.GetProperty("plans").EnumerateArray())
        {
            string planName = plan.TryGetProperty("plan", out var p) ? p.GetString() ?? "" : "";
            string approval = plan.TryGetProperty("approval", out var a) ? a.GetString() ?? "" : "";
            foreach (var unit in plan.GetProperty("units").EnumerateArray())
            {
                string code = unit.GetProperty("XZQDM").GetString()!;
                var members = unit.TryGetProperty("members", out var m)
                    ? m.EnumerateArray().Select(e => e.GetString()!).ToArray()
                    : [code];
                var targets = new Dictionary<string, TargetBound>(StringComparer.Ordinal);
                foreach (var target in unit.GetProperty("targets").EnumerateObject())
                {
                    if (target.Value.TryGetProperty("min", out var min))
                    {
                        targets[target.Name] = new TargetBound(min.GetDouble(), false);
                    }
                    else if (target.Value.TryGetProperty("max", out var max))
                    {
                        targets[target.Name] = new TargetBound(max.GetDouble(), true);
                    }
                }

                units.Add(new ApprovedUnit(code, unit.GetProperty("XZQMC").GetString()!, planName, approval, members, targets));
            }
        }

        return units;
    }
}
