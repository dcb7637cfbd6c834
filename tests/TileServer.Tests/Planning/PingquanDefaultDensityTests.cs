namespace TileServer.Tests.Planning;

using TileServer.Core.Layers;
using Xunit.Abstractions;
using TileServer.SampleData;
using TileServer.Services.Layers;
using TileServer.Services.Planning;
using TileServer.Sources.GeoPackage;
using TileServer.Tests.Support;

/// <summary>平泉市 at the generator's default density, read back from a GeoPackage: the server's indicators
/// meet the approval's 79.78万亩, 69.55万亩, 1108.64 km² and 1.15, and agree with the generator's own
/// bookkeeping (its planar areas before the lon/lat round trip) within 0.1%.</summary>
public sealed class PingquanDefaultDensityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Default_density_pingquan_meets_the_approved_targets()
    {
        var dataset = SampleGenerator.Generate(new SampleOptions { Units = ["130881"] });
        string path = Path.Combine(TemporaryFolders.Create("tileserver-pingquan-"), "sample.gpkg");
        GeoPackageWriter.Write(path, dataset.Layers);
        using var source = new GeoPackageFeatureSource("sample", path);
        var catalog = new LayerCatalog(
            dataset.Layers.Select(l => new LayerDefinition { Id = l.Schema.Name, Source = "sample", Table = l.Schema.Name }), [source]);
        var snapshot = await new PlanningCalculator(catalog).ComputeAsync(CancellationToken.None);
        var targets = PlanTargetFile.Load(Path.Combine(RepositoryRoot.Path, "config", "plan_targets.json"));
        var report = new IndicatorReportBuilder(targets).Build(snapshot);

        var unit = Assert.Single(report.Units);
        Assert.Equal("130881", unit.Xzqdm);
        var byId = unit.Indicators.ToDictionary(i => i.Id);
        Assert.Equal(79.78, byId["farmland"].Target);
        Assert.Equal(69.55, byId["permanent_basic_farmland"].Target);
        Assert.Equal(1108.64, byId["ecological_redline"].Target);
        Assert.Equal(1.15, byId["urban_boundary_expansion_multiple"].Target);
        foreach (var i in unit.Indicators)
        {
            output.WriteLine($"{i.Id}: {i.Value} {i.Unit} (target {i.Bound} {i.Target}, {i.Status}, margin {i.Margin})");
        }

        Assert.All(unit.Indicators, i => Assert.Equal(IndicatorReportBuilder.Met, i.Status));

        var generated = dataset.Report.Units.Single();
        AssertClose(generated.Farmland, snapshot.Units["130881"].FarmlandM2);
        AssertClose(generated.PermanentBasicFarmland, snapshot.Units["130881"].PermanentBasicFarmlandM2);
        AssertClose(generated.Redline, snapshot.Units["130881"].RedlineM2);
        AssertClose(generated.ExpansionMultiple, byId["urban_boundary_expansion_multiple"].Value);
        Assert.Single(snapshot.Conflicts);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Abs(expected) * 0.001, $"{actual} vs generator {expected}");
}
