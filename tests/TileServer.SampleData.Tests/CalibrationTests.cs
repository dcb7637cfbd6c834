namespace TileServer.SampleData.Tests;

using System.Text.Json;
using TileServer.Core.Features;

/// <summary>Recomputes every indicator from the layers themselves (GK areas of the geometries) and
/// checks it against config/plan_targets.json read straight from the repository.</summary>
[Collection(FullDefaultCollection.Name)]
public sealed class CalibrationTests(FullDefaultFixture fixture)
{
    private const double Wanmu = 10_000.0 / 15.0 * 10_000.0;

    public static TheoryData<string> TargetUnits => ["130881", "220605", "220681", "220621", "220622", "220623", "152501", "150500"];

    [Theory]
    [MemberData(nameof(TargetUnits))]
    public void IndicatorsMeetTheirTargets(string planUnit)
    {
        var (members, targets) = Targets(planUnit);
        var data = fixture.Dataset;
        var ghyd = data.Layer("ghyd");
        double farmland = 0, grassland = 0;
        foreach (var f in ghyd.Features.Where(f => members.Contains(GeometryHelpers.UnitOf(ghyd, f))))
        {
            var code = (string)GeometryHelpers.Field(ghyd, f, "ydyhfldm")!;
            if (code.StartsWith("01", StringComparison.Ordinal) || code.StartsWith("04", StringComparison.Ordinal))
            {
                var area = GeometryHelpers.PlaneArea(GeometryHelpers.ProjectionOf(GeometryHelpers.UnitOf(ghyd, f)), f.Geometry);
                farmland += code.StartsWith("01", StringComparison.Ordinal) ? area : 0;
                grassland += code.StartsWith("04", StringComparison.Ordinal) ? area : 0;
            }
        }

        AssertMin(targets, "farmland_wanmu", farmland / Wanmu);
        AssertMin(targets, "permanent_basic_farmland_wanmu", LayerArea(data.Layer("yjjbnt"), members) / Wanmu);
        AssertMin(targets, "ecological_redline_km2", LayerArea(data.Layer("stbhhx"), members) / 1e6);
        AssertMin(targets, "basic_grassland_wanmu", grassland / Wanmu);

        var max = targets.GetProperty("urban_boundary_expansion_multiple").GetProperty("max").GetDouble();
        var multiple = LayerArea(data.Layer("czkfbj"), members) / LayerArea(data.Layer("czjsyd2020"), members);
        Assert.InRange(multiple, 0.9 * max, max);
    }

    private static void AssertMin(JsonElement targets, string name, double value)
    {
        if (targets.TryGetProperty(name, out var target))
        {
            var min = target.GetProperty("min").GetDouble();
            Assert.True(value >= min && value <= 1.05 * min, $"{name}: {value} not in [{min}, {1.05 * min}]");
        }
    }

    private static double LayerArea(FeatureLayerData layer, IReadOnlyCollection<string> members) =>
        layer.Features.Where(f => members.Contains(GeometryHelpers.UnitOf(layer, f)))
            .Sum(f => GeometryHelpers.PlaneArea(GeometryHelpers.ProjectionOf(GeometryHelpers.UnitOf(layer, f)), f.Geometry));

    private static (HashSet<string> Members, JsonElement Targets) Targets(string code)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(GeometryHelpers.RepoFile("config/plan_targets.json")));
        var unit = doc.RootElement.GetProperty("plans").EnumerateArray().SelectMany(p => p.GetProperty("units").EnumerateArray())
            .Single(u => u.GetProperty("XZQDM").GetString() == code);
        var members = unit.TryGetProperty("members", out var m) ? m.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [code];
        return (members, unit.GetProperty("targets"));
    }
}
