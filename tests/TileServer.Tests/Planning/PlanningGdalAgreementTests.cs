namespace TileServer.Tests.Planning;

using System.Diagnostics;
using System.Text.Json;
using TileServer.Core.Layers;
using TileServer.SampleData;
using TileServer.Services.Layers;
using TileServer.Services.Planning;
using TileServer.Sources.GeoPackage;
using TileServer.Tests.Support;

/// <summary>The planning computation on a sample of the three units that carry the generator's deliberate
/// overlaps (平泉市 yjjbnt×stbhhx, 江源区 yjjbnt×czkfbj, 科尔沁区 stbhhx×czkfbj): exactly those three conflicts are
/// found, and every area agrees within 0.1% with an independent GDAL/PROJ/GEOS computation
/// (gdal_planning_areas.py, run with the Debian python that has osgeo).</summary>
public sealed class PlanningGdalAgreementTests(PlanningGdalAgreementTests.OverlapSample sample) : IClassFixture<PlanningGdalAgreementTests.OverlapSample>
{
    private const double RelativeTolerance = 0.001;

    [Fact]
    public void Exactly_the_three_deliberate_overlaps_are_found()
    {
        var expected = sample.Dataset.Report.Overlaps;
        Assert.Equal(3, expected.Count);
        Assert.Equal(3, sample.Snapshot.Conflicts.Count);
        foreach (var planted in expected)
        {
            var found = Assert.Single(sample.Snapshot.Conflicts, c => c.Xzqdm == planted.UnitCode);
            Assert.Equal(planted.FirstLayer, found.LineA);
            Assert.Equal(planted.SecondLayer, found.LineB);
            Assert.InRange(found.AreaM2, planted.AreaM2 * (1 - RelativeTolerance), planted.AreaM2 * (1 + RelativeTolerance));
            // The generator's piece is a ~120 m disc cut to one line: the interior point lies within it.
            Assert.InRange(found.Lon, planted.Lon - 0.003, planted.Lon + 0.003);
            Assert.InRange(found.Lat, planted.Lat - 0.003, planted.Lat + 0.003);
            Assert.True(found.Geometry.Contains(found.Geometry.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(found.Lon, found.Lat))));
        }
    }

    [Fact]
    public void Overlaps_agree_with_gdal()
    {
        var gdal = sample.Gdal.GetProperty("overlaps").EnumerateArray().ToList();
        Assert.Equal(3, gdal.Count);
        foreach (var overlap in gdal)
        {
            var found = Assert.Single(sample.Snapshot.Conflicts, c => c.Xzqdm == overlap.GetProperty("xzqdm").GetString());
            Assert.Equal(overlap.GetProperty("lineA").GetString(), found.LineA);
            Assert.Equal(overlap.GetProperty("lineB").GetString(), found.LineB);
            AssertClose(overlap.GetProperty("area").GetDouble(), found.AreaM2, $"{found.Xzqdm} overlap");
        }
    }

    [Fact]
    public void Unit_areas_agree_with_gdal_within_a_thousandth()
    {
        var units = sample.Gdal.GetProperty("units");
        Assert.Equal(3, sample.Snapshot.Units.Count);
        foreach (var (code, measures) in sample.Snapshot.Units)
        {
            var gdal = units.GetProperty(code);
            Assert.Equal($"EPSG:{gdal.GetProperty("epsg").GetInt32()}", measures.Crs);
            AssertClose(gdal.GetProperty("farmland").GetDouble(), measures.FarmlandM2, $"{code} farmland");
            // Forested 江源区 has no grassland: both must then say zero.
            double grassland = gdal.GetProperty("grassland").GetDouble();
            if (grassland == 0)
            {
                Assert.Equal(0, measures.GrasslandM2);
            }
            else
            {
                AssertClose(grassland, measures.GrasslandM2, $"{code} grassland");
            }

            AssertClose(gdal.GetProperty("yjjbnt").GetDouble(), measures.PermanentBasicFarmlandM2, $"{code} yjjbnt");
            AssertClose(gdal.GetProperty("stbhhx").GetDouble(), measures.RedlineM2, $"{code} stbhhx");
            AssertClose(gdal.GetProperty("czkfbj").GetDouble(), measures.UrbanBoundaryM2, $"{code} czkfbj");
            AssertClose(gdal.GetProperty("czjsyd2020").GetDouble(), measures.UrbanLand2020M2, $"{code} czjsyd2020");
        }
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        Assert.True(expected > 0, $"{what}: GDAL found nothing");
        Assert.True(Math.Abs(actual - expected) <= expected * RelativeTolerance, $"{what}: {actual:F1} m² vs GDAL {expected:F1} m²");
    }

    /// <summary>The three-unit sample at the shared sample's density, its GeoPackage, our snapshot and GDAL's numbers.</summary>
    public sealed class OverlapSample : IDisposable
    {
        public static readonly string[] Units = ["130881", "220605", "150502"];

        private readonly GeoPackageFeatureSource source;

        public OverlapSample()
        {
            Dataset = SampleGenerator.Generate(new SampleOptions { Units = Units, Density = SharedSample.Density });
            string path = Path.Combine(TemporaryFolders.Create("tileserver-overlaps-"), "sample.gpkg");
            GeoPackageWriter.Write(path, Dataset.Layers);
            source = new GeoPackageFeatureSource("sample", path);
            var catalog = new LayerCatalog(
                Dataset.Layers.Select(l => new LayerDefinition { Id = l.Schema.Name, Source = "sample", Table = l.Schema.Name }), [source]);
            Snapshot = new PlanningCalculator(catalog).ComputeAsync(CancellationToken.None).GetAwaiter().GetResult();
            Gdal = RunGdal(path);
        }

        public SampleDataset Dataset { get; }

        public PlanningSnapshot Snapshot { get; }

        public JsonElement Gdal { get; }

        public void Dispose() => source.Dispose();

        private static JsonElement RunGdal(string path)
        {
            string script = Path.Combine(RepositoryRoot.Path, "tests", "TileServer.Tests", "Planning", "gdal_planning_areas.py");
            var start = new ProcessStartInfo("/usr/bin/python3", [script, path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start /usr/bin/python3");
            var stderr = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"gdal_planning_areas.py failed (python3-gdal installed?): {stderr.Result}");
            }

            using var document = JsonDocument.Parse(output);
            return document.RootElement.Clone();
        }
    }
}
