namespace TileServer.Services.Tests.Planning;

using TileServer.Services.Planning;

public sealed class IndicatorReportBuilderTests
{
    private static readonly ApprovedUnit Pingquan = new("130881", "平泉市", "plan", "承市政字〔2024〕12号", ["130881"], new Dictionary<string, TargetBound>
    {
        ["farmland_wanmu"] = new(79.78, false),
        ["permanent_basic_farmland_wanmu"] = new(69.55, false),
        ["ecological_redline_km2"] = new(1108.64, false),
        ["urban_boundary_expansion_multiple"] = new(1.15, true),
    });

    private static readonly ApprovedUnit City = new("150500", "通辽市", "plan", "reply", ["150502", "150521"], new Dictionary<string, TargetBound>
    {
        ["basic_grassland_wanmu"] = new(10, false),
        ["urban_boundary_expansion_multiple"] = new(1.3, true),
    });

    private static UnitMeasures Measures(string code, double farmlandWanmu, double urban, double urban2020, double grasslandWanmu = 0) => new(
        code, code, "EPSG:4549", farmlandWanmu * IndicatorKind.SquareMetresPerWanmu, 70 * IndicatorKind.SquareMetresPerWanmu, 1200e6,
        grasslandWanmu * IndicatorKind.SquareMetresPerWanmu, urban, urban2020);

    private static PlanningSnapshot Snapshot(params UnitMeasures[] units) =>
        new(DateTimeOffset.UnixEpoch, units.ToDictionary(u => u.Code), []);

    [Fact]
    public void One_wanmu_is_ten_thousand_fifteenths_of_a_hectare()
    {
        Assert.Equal(6.6666667e6, IndicatorKind.SquareMetresPerWanmu, 0.5);
    }

    [Fact]
    public void Status_and_margin_follow_the_bound()
    {
        var report = new IndicatorReportBuilder([Pingquan]).Build(Snapshot(Measures("130881", 79.0, 1.2e6, 1.0e6)));
        var unit = Assert.Single(report.Units);
        var byId = unit.Indicators.ToDictionary(i => i.Id);
        Assert.Equal(["farmland", "permanent_basic_farmland", "ecological_redline", "urban_boundary_expansion_multiple"], byId.Keys);
        Assert.Equal("not met", byId["farmland"].Status);
        Assert.Equal(-0.78, byId["farmland"].Margin!.Value, 6);
        Assert.Equal(79.0, byId["farmland"].ValueWanmu!.Value, 6);
        Assert.Equal(526.6667, byId["farmland"].ValueKm2!.Value, 4);
        Assert.Equal("met", byId["permanent_basic_farmland"].Status);
        Assert.Equal(0.45, byId["permanent_basic_farmland"].Margin!.Value, 6);
        Assert.Equal("met", byId["ecological_redline"].Status);
        Assert.Equal(1200, byId["ecological_redline"].Value, 6);
        Assert.Equal("km²", byId["ecological_redline"].Unit);
        var multiple = byId["urban_boundary_expansion_multiple"];
        Assert.Equal((1.2, "not met", "max"), (multiple.Value, multiple.Status, multiple.Bound));
        Assert.Equal(-0.05, multiple.Margin!.Value, 6);
        Assert.Null(multiple.ValueKm2);
    }

    [Fact]
    public void Unit_without_an_approved_plan_has_no_targets()
    {
        var unit = Assert.Single(new IndicatorReportBuilder([]).Build(Snapshot(Measures("130881", 79, 1, 1))).Units);
        Assert.All(unit.Indicators, i => Assert.Equal("no target", i.Status));
        Assert.DoesNotContain(unit.Indicators, i => i.Id == "basic_grassland");
        Assert.Null(unit.Approval);
    }

    [Fact]
    public void Aggregate_sums_its_members_and_is_incomplete_while_members_are_missing()
    {
        var builder = new IndicatorReportBuilder([City]);
        var partial = builder.Build(Snapshot(Measures("150502", 1, 2e6, 1e6, grasslandWanmu: 12)));
        var city = partial.Units.Single(u => u.Xzqdm == "150500");
        Assert.Equal(["150521"], city.MissingMembers);
        Assert.All(city.Indicators.Where(i => i.Target is not null), i => Assert.Equal("incomplete", i.Status));

        var full = builder.Build(Snapshot(Measures("150502", 1, 2e6, 1e6, grasslandWanmu: 6), Measures("150521", 1, 1e6, 2e6, grasslandWanmu: 6)));
        city = full.Units.Single(u => u.Xzqdm == "150500");
        Assert.Equal(["150502", "150521", "150500"], full.Units.Select(u => u.Xzqdm));
        Assert.Empty(city.MissingMembers);
        var byId = city.Indicators.ToDictionary(i => i.Id);
        Assert.Equal(12, byId["basic_grassland"].Value, 6);
        Assert.Equal("met", byId["basic_grassland"].Status);
        Assert.Equal(1.0, byId["urban_boundary_expansion_multiple"].Value, 6);
        Assert.Equal("met", byId["urban_boundary_expansion_multiple"].Status);
        Assert.Equal(2, byId["farmland"].Value, 6);
    }

    [Fact]
    public void Aggregate_without_any_member_in_the_data_is_left_out()
    {
        var report = new IndicatorReportBuilder([City]).Build(Snapshot(Measures("130881", 1, 1, 1)));
        Assert.Equal(["130881"], report.Units.Select(u => u.Xzqdm));
    }
}
