namespace TileServer.Services.Planning;

/// <summary>Puts measured areas beside the approved targets: every county-level unit in the data (by code),
/// then every aggregate plan (通辽市) that has at least one member in the data, summed over its members.</summary>
public sealed class IndicatorReportBuilder(IReadOnlyList<ApprovedUnit> approved)
{
    public const string Met = "met";
    public const string NotMet = "not met";
    public const string NoTarget = "no target";
    public const string Incomplete = "incomplete";

    public IndicatorReport Build(PlanningSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var units = new List<UnitIndicators>();
        foreach (var measures in snapshot.Units.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var plan = approved.FirstOrDefault(a => a.Code == measures.Code && !a.IsAggregate);
            units.Add(Build(measures.Code, measures.Name, plan, [measures.Code], snapshot));
        }

        foreach (var plan in approved.Where(a => a.IsAggregate && a.Members.Any(snapshot.Units.ContainsKey)))
        {
            units.Add(Build(plan.Code, plan.Name, plan, plan.Members, snapshot));
        }

        return new IndicatorReport(IndicatorReport.GaussKruger, snapshot.ComputedAt, units, snapshot.Conflicts.Select(ConflictItem.From).ToList());
    }

    private static UnitIndicators Build(string code, string name, ApprovedUnit? plan, IReadOnlyList<string> members, PlanningSnapshot snapshot)
    {
        var present = members.Where(snapshot.Units.ContainsKey).Select(m => snapshot.Units[m]).ToList();
        var missing = members.Where(m => !snapshot.Units.ContainsKey(m)).ToList();
        var memberSet = members.ToHashSet(StringComparer.Ordinal);
        var indicators = new List<IndicatorValue>();
        foreach (var kind in IndicatorKind.All)
        {
            TargetBound? target = plan is not null && plan.Targets.TryGetValue(kind.TargetKey, out var t) ? t : null;
            if (kind == IndicatorKind.BasicGrassland && target is null)
            {
                continue;
            }

            indicators.Add(Indicator(kind, present, target, missing.Count > 0));
        }

        return new UnitIndicators(
            code, name, plan?.Plan, plan?.Approval, members, missing,
            present.Select(p => p.Crs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            indicators,
            snapshot.Conflicts.Where(c => memberSet.Contains(c.Xzqdm)).Select(ConflictItem.From).ToList());
    }

    private static IndicatorValue Indicator(IndicatorKind kind, List<UnitMeasures> members, TargetBound? target, bool incomplete)
    {
        double? squareMetres = null;
        double value;
        if (kind == IndicatorKind.ExpansionMultiple)
        {
            double land2020 = members.Sum(m => m.UrbanLand2020M2);
            value = land2020 > 0 ? members.Sum(m => m.UrbanBoundaryM2) / land2020 : 0;
        }
        else
        {
            squareMetres = members.Sum(m => kind == IndicatorKind.Farmland ? m.FarmlandM2
                : kind == IndicatorKind.PermanentBasicFarmland ? m.PermanentBasicFarmlandM2
                : kind == IndicatorKind.EcologicalRedline ? m.RedlineM2
                : m.GrasslandM2);
            value = kind.Unit == IndicatorKind.Wanmu ? squareMetres.Value / IndicatorKind.SquareMetresPerWanmu : squareMetres.Value / 1e6;
        }

        double? margin = null, percent = null;
        string status = NoTarget;
        if (target is not null)
        {
            margin = target.IsMaximum ? target.Value - value : value - target.Value;
            percent = target.Value != 0 ? margin / target.Value * 100 : null;
            status = incomplete ? Incomplete : margin >= 0 ? Met : NotMet;
        }

        return new IndicatorValue(
            kind.Id, kind.NameZh, kind.NameEn, kind.Unit, Round(value)!.Value,
            Round(squareMetres / 1e6), Round(squareMetres / IndicatorKind.SquareMetresPerWanmu),
            target?.Value, target is null ? null : target.IsMaximum ? "max" : "min", status, Round(margin), percent is null ? null : Math.Round(percent.Value, 3));
    }

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 4);
}
