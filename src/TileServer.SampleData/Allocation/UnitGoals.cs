namespace TileServer.SampleData.Allocation;

using TileServer.SampleData.Landscape;
using TileServer.SampleData.Reference;

/// <summary>The areas (m²) a unit's allocation aims at. For units under their own plan they are the
/// approved targets; for the members of 通辽市 they are each member's share of the city-wide target, so
/// the sum over the members meets it; units without a plan get plausible fractions of their area.</summary>
internal sealed record UnitGoals(double Farmland, double PermanentBasicFarmland, double Redline, double? Grassland, double ExpansionMax)
{
    public static UnitGoals Resolve(string code, double unitArea, Func<string, double> memberArea)
    {
        var plan = PlanTargetCatalog.Governing(code);
        if (plan is null)
        {
            return new UnitGoals(0.07 * unitArea, 0.055 * unitArea, 0.38 * unitArea, null, 1.2);
        }

        double Share(double? total, Func<UnitProfile, double> weight)
        {
            if (plan.Members.Count == 1)
            {
                return total ?? 0;
            }

            var sum = plan.Members.Sum(m => weight(UnitProfiles.For(m)) * memberArea(m));
            return (total ?? 0) * weight(UnitProfiles.For(code)) * memberArea(code) / sum;
        }

        const double wanmu = PlanTarget.SquareMetresPerWanmu;
        var farmland = Share(plan.FarmlandWanmu * wanmu, p => p.FarmlandShareWeight);
        var pbf = plan.PermanentBasicFarmlandWanmu is null ? 0.8 * farmland : Share(plan.PermanentBasicFarmlandWanmu * wanmu, p => p.FarmlandShareWeight);
        var redline = Share(plan.EcologicalRedlineKm2 * 1e6, p => p.RedlineShareWeight);
        double? grass = plan.BasicGrasslandWanmu is null ? null : Share(plan.BasicGrasslandWanmu * wanmu, p => p.GrasslandShareWeight);
        return new UnitGoals(farmland, pbf, redline, grass, plan.ExpansionMultipleMax ?? 1.2);
    }
}
