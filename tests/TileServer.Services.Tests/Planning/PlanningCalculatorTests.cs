namespace TileServer.Services.Tests.Planning;

using TileServer.Core.Crs;
using TileServer.Services.Planning;

/// <summary>The planning computation on a hand-made unit near 平泉 (118.6–118.8°E, zone CM 120°E): what counts
/// as farmland and grassland, per-unit sums, and which overlaps are conflicts.</summary>
public sealed class PlanningCalculatorTests
{
    internal static PlanningTestSource Sample()
    {
        var source = new PlanningTestSource();
        source.Add("xzq", PlanningTestSource.Box(118.6, 40.9, 118.8, 41.1), "130881", xzqmc: "平泉市");
        source.Add("ghyd", PlanningTestSource.Box(118.60, 40.90, 118.62, 40.92), "130881", "0101");
        source.Add("ghyd", PlanningTestSource.Box(118.62, 40.90, 118.64, 40.92), "130881", "0103");
        source.Add("ghyd", PlanningTestSource.Box(118.64, 40.90, 118.66, 40.92), "130881", "0402");
        source.Add("ghyd", PlanningTestSource.Box(118.66, 40.90, 118.68, 40.92), "130881", "0301");
        source.Add("ghyd", PlanningTestSource.Box(118.68, 40.90, 118.70, 40.92), "130881", "1001");
        // yjjbnt and stbhhx overlap in 118.65–118.66 × 40.95–40.96; czkfbj only shares an edge with stbhhx.
        source.Add("yjjbnt", PlanningTestSource.Box(118.60, 40.95, 118.66, 40.96), "130881");
        source.Add("stbhhx", PlanningTestSource.Box(118.65, 40.95, 118.70, 40.96), "130881");
        source.Add("czkfbj", PlanningTestSource.Box(118.70, 40.95, 118.72, 40.96), "130881");
        source.Add("czjsyd2020", PlanningTestSource.Box(118.70, 40.95, 118.71, 40.96), "130881");
        return source;
    }

    internal static double GkArea(double minLon, double minLat, double maxLon, double maxLat) =>
        CrsTransformer.FromStorage(CrsRegistry.FindEpsg(4549)!).Transform(PlanningTestSource.Box(minLon, minLat, maxLon, maxLat)).Area;

    /// <summary>Straight edges in lon/lat are chords in the plane, so boxes cut or joined differently differ
    /// slightly; 1e-6 for sums, 1e-3 for overlaps (the generator's and real data's vertices are dense).</summary>
    internal static void Close(double expected, double actual, double relative = 1e-6) =>
        Assert.True(Math.Abs(actual - expected) <= expected * relative, $"{actual} vs {expected}");

    [Fact]
    public async Task Farmland_is_class_01_and_grassland_class_04_in_the_units_gauss_kruger_zone()
    {
        var snapshot = await new PlanningCalculator(Sample().Catalog()).ComputeAsync(CancellationToken.None);
        var unit = Assert.Single(snapshot.Units.Values);
        Assert.Equal("130881", unit.Code);
        Assert.Equal("平泉市", unit.Name);
        Assert.Equal("EPSG:4549", unit.Crs);
        Close(GkArea(118.60, 40.90, 118.64, 40.92), unit.FarmlandM2);
        Close(GkArea(118.64, 40.90, 118.66, 40.92), unit.GrasslandM2);
        Close(GkArea(118.60, 40.95, 118.66, 40.96), unit.PermanentBasicFarmlandM2);
        Close(GkArea(118.65, 40.95, 118.70, 40.96), unit.RedlineM2);
        Close(GkArea(118.70, 40.95, 118.72, 40.96), unit.UrbanBoundaryM2);
        Close(GkArea(118.70, 40.95, 118.71, 40.96), unit.UrbanLand2020M2);
        // About 1.68 km × 2.22 km per 0.02° × 0.02° cell at 41°N.
        Assert.InRange(unit.FarmlandM2, 7.0e6, 8.0e6);
    }

    [Fact]
    public async Task Only_the_area_overlap_is_a_conflict_not_the_shared_edge()
    {
        var snapshot = await new PlanningCalculator(Sample().Catalog()).ComputeAsync(CancellationToken.None);
        var conflict = Assert.Single(snapshot.Conflicts);
        Assert.Equal(("yjjbnt", "stbhhx"), (conflict.LineA, conflict.LineB));
        Assert.Equal("130881", conflict.Xzqdm);
        Assert.Equal("1308819000000001", conflict.Bsm);
        Close(GkArea(118.65, 40.95, 118.66, 40.96), conflict.AreaM2, 1e-3);
        Assert.InRange(conflict.Lon, 118.65, 118.66);
        Assert.InRange(conflict.Lat, 40.95, 40.96);
        Assert.Equal(0.0001, conflict.Geometry.Area, 6);
    }

    [Fact]
    public async Task Overlaps_of_several_features_of_a_pair_are_dissolved_into_connected_parts()
    {
        var source = Sample();
        // A second yjjbnt polygon next to the first, also overlapping stbhhx: one connected overlap.
        source.Add("yjjbnt", PlanningTestSource.Box(118.66, 40.95, 118.67, 40.96), "130881");
        // A separate overlap far away.
        source.Add("yjjbnt", PlanningTestSource.Box(118.69, 40.955, 118.695, 40.96), "130881");
        var snapshot = await new PlanningCalculator(source.Catalog()).ComputeAsync(CancellationToken.None);
        Assert.Equal(2, snapshot.Conflicts.Count);
        Close(GkArea(118.65, 40.95, 118.67, 40.96), snapshot.Conflicts[0].AreaM2, 1e-3);
        Close(GkArea(118.69, 40.955, 118.695, 40.96), snapshot.Conflicts[1].AreaM2, 1e-3);
        Assert.Equal(["1308819000000001", "1308819000000002"], snapshot.Conflicts.Select(c => c.Bsm));
    }

    [Fact]
    public async Task Features_of_a_unit_missing_from_xzq_get_their_own_zone()
    {
        var source = Sample();
        source.Add("yjjbnt", PlanningTestSource.Box(121.6, 40.9, 121.7, 41.0), "999999");
        var snapshot = await new PlanningCalculator(source.Catalog()).ComputeAsync(CancellationToken.None);
        Assert.Equal("EPSG:4550", snapshot.Units["999999"].Crs);
        Assert.True(snapshot.Units["999999"].PermanentBasicFarmlandM2 > 0);
    }

    [Fact]
    public async Task Permanent_basic_farmland_far_from_the_other_lines_counts_in_the_area_but_not_in_the_overlay()
    {
        var source = Sample();
        // Polygons whose envelopes meet no other control line are screened out of the overlay (OverlapScreen).
        for (int n = 0; n < 5; n++)
        {
            source.Add("yjjbnt", PlanningTestSource.Box(118.60 + (0.01 * n), 40.97, 118.605 + (0.01 * n), 40.98), "130881");
        }

        var snapshot = await new PlanningCalculator(source.Catalog()).ComputeAsync(CancellationToken.None);

        var unit = Assert.Single(snapshot.Units.Values);
        double expected = GkArea(118.60, 40.95, 118.66, 40.96)
            + Enumerable.Range(0, 5).Sum(n => GkArea(118.60 + (0.01 * n), 40.97, 118.605 + (0.01 * n), 40.98));
        Close(expected, unit.PermanentBasicFarmlandM2);
        var conflict = Assert.Single(snapshot.Conflicts);
        Assert.Equal(("yjjbnt", "stbhhx"), (conflict.LineA, conflict.LineB));
        Close(GkArea(118.65, 40.95, 118.66, 40.96), conflict.AreaM2, 1e-3);
    }

    [Theory]
    [InlineData("ghyd")]
    [InlineData("yjjbnt")]
    [InlineData("czjsyd2020")]
    public async Task A_source_failing_in_the_middle_of_a_layer_fails_the_computation_with_its_own_error(string table)
    {
        var source = Sample();
        source.Add("ghyd", PlanningTestSource.Box(118.70, 40.90, 118.72, 40.92), "130881", "0101");
        source.Add("yjjbnt", PlanningTestSource.Box(118.70, 40.97, 118.72, 40.98), "130881");
        source.Add("czjsyd2020", PlanningTestSource.Box(118.70, 40.97, 118.72, 40.98), "130881");
        source.FailingAfterFirstRow = table;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new PlanningCalculator(source.Catalog()).ComputeAsync(CancellationToken.None));
        Assert.Equal("source down mid-layer", failure.Message);
    }

    [Fact]
    public async Task A_cancelled_computation_ends_with_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new PlanningCalculator(Sample().Catalog()).ComputeAsync(cancelled.Token));
    }
}
