namespace TileServer.SampleData;

using System.Globalization;
using System.Text;
using TileServer.SampleData.Reference;

/// <summary>What was generated and how it meets the approved targets: per unit (and 通辽市 as the sum of
/// its 8 members when all are generated) each indicator next to its target, plus the deliberate overlaps.</summary>
public sealed class SampleReport
{
    /// <summary>Calibrated indicators must lie in [target, 1.05 × target] for minimums; maximums must
    /// not be exceeded.</summary>
    public const double Tolerance = 0.05;

    public SampleReport(IReadOnlyList<UnitSummary> units, IReadOnlyList<OverlapRecord> overlaps, TimeSpan elapsed, SampleOptions options)
    {
        Units = units;
        Overlaps = overlaps;
        Elapsed = elapsed;
        Options = options;
        Indicators = BuildIndicators(units);
    }

    public IReadOnlyList<UnitSummary> Units { get; }

    public IReadOnlyList<IndicatorResult> Indicators { get; }

    public IReadOnlyList<OverlapRecord> Overlaps { get; }

    public TimeSpan Elapsed { get; }

    public SampleOptions Options { get; }

    public int TotalParcels => Units.Sum(u => u.Parcels);

    public string ToText()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Sample data: seed {Options.Seed}, density {Options.Density}, {Units.Count} units, {TotalParcels:N0} ghyd parcels, {Elapsed.TotalSeconds:F1} s");
        foreach (var u in Units)
        {
            text.AppendLine(inv, $"  {u.Code} {u.Name}: {u.Parcels:N0} parcels, {u.UnitArea / 1e6:F1} km² (GK CM {u.CentralMeridian}°E)");
        }

        text.AppendLine(inv, $"Deliberate control-line overlaps: {Overlaps.Count}");
        foreach (var o in Overlaps)
        {
            text.AppendLine(inv, $"  {o.FirstLayer} × {o.SecondLayer} in {o.UnitCode} at {o.Lon:F5}, {o.Lat:F5}: {o.AreaM2 / 1e4:F2} ha");
        }

        text.AppendLine("Indicators (computed vs approved target):");
        foreach (var i in Indicators)
        {
            var target = i.Target is null ? "no target" : $"{(i.Bound == "min" ? ">=" : "<=")} {i.Target.Value.ToString("0.####", inv)}";
            var margin = i.MarginPercent is null ? "" : $" ({i.MarginPercent.Value.ToString("+0.00;-0.00", inv)}%)";
            text.AppendLine(inv, $"  {i.UnitCode} {i.UnitName,-10} {i.Indicator,-26} {i.Value.ToString("0.####", inv),14} {i.Unit,-4} target {target,-14} {i.Status}{margin}");
        }

        return text.ToString();
    }

    private static List<IndicatorResult> BuildIndicators(IReadOnlyList<UnitSummary> units)
    {
        var results = new List<IndicatorResult>();
        foreach (var unit in units)
        {
            var plan = PlanTargetCatalog.Governing(unit.Code);
            var own = plan is { Members.Count: 1 } ? plan : null;
            results.AddRange(Rows(unit.Code, unit.Name, [unit], own));
        }

        foreach (var plan in PlanTargetCatalog.All.Where(p => p.Members.Count > 1))
        {
            var members = units.Where(u => plan.Members.Contains(u.Code)).ToList();
            if (members.Count == plan.Members.Count)
            {
                results.AddRange(Rows(plan.Code, plan.Name, members, plan));
            }
        }

        return results;
    }

    private static IEnumerable<IndicatorResult> Rows(string code, string name, List<UnitSummary> members, PlanTarget? plan)
    {
        const double wanmu = PlanTarget.SquareMetresPerWanmu;
        yield return Min(code, name, "farmland 耕地保有量", "万亩", members.Sum(m => m.Farmland) / wanmu, plan?.FarmlandWanmu);
        yield return Min(code, name, "permanent basic farmland 永久基本农田", "万亩", members.Sum(m => m.PermanentBasicFarmland) / wanmu, plan?.PermanentBasicFarmlandWanmu);
        yield return Min(code, name, "ecological redline 生态保护红线", "km²", members.Sum(m => m.Redline) / 1e6, plan?.EcologicalRedlineKm2);
        if (plan?.BasicGrasslandWanmu is not null)
        {
            yield return Min(code, name, "basic grassland 基本草原", "万亩", members.Sum(m => m.Grassland) / wanmu, plan.BasicGrasslandWanmu);
        }

        var land2020 = members.Sum(m => m.UrbanLand2020);
        var multiple = land2020 > 0 ? members.Sum(m => m.UrbanBoundary) / land2020 : 0;
        var max = plan?.ExpansionMultipleMax;
        yield return new IndicatorResult(code, name, "expansion multiple 城镇开发边界扩展倍数", "×", multiple, max, max is null ? null : "max",
            max is null ? "n/a" : multiple <= max ? "OK" : "FAIL", max is null ? null : (multiple - max.Value) / max.Value * 100);
    }

    private static IndicatorResult Min(string code, string name, string indicator, string unit, double value, double? target) =>
        new(code, name, indicator, unit, value, target, target is null ? null : "min",
            target is null ? "n/a" : value >= target && value <= target * (1 + Tolerance) ? "OK" : "FAIL",
            target is null ? null : (value - target.Value) / target.Value * 100);
}
