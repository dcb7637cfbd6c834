namespace TileServer.Sources.GeoPackage.Tests.Writing;

using System.Diagnostics;
using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Tests.Support;
using Xunit.Abstractions;

public sealed class GeoPackageWriterBehaviourTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Writes_thirty_thousand_polygons_with_every_row_and_its_spatial_index()
    {
        // Write speed is measured by benchmarks (docs/benchmarks.md), not asserted here: CI machines are noisy.
        // GPKG_PERF_FEATURES=300000 still lets a developer time the production scale by hand.
        var count = int.TryParse(Environment.GetEnvironmentVariable("GPKG_PERF_FEATURES"), out var n) ? n : 30_000;
        var layer = SampleLayers.Parcels(count);
        var path = Environment.GetEnvironmentVariable("GPKG_PERF_OUTPUT") ?? directory.File("perf.gpkg");

        var stopwatch = Stopwatch.StartNew();
        GeoPackageWriter.Write(path, [layer]);
        stopwatch.Stop();
        output.WriteLine($"{count} polygons in {stopwatch.Elapsed.TotalSeconds:F2} s = {count / stopwatch.Elapsed.TotalSeconds:F0}/s, {new FileInfo(path).Length / 1e6:F1} MB");

        using var connection = Sql.Open(path);
        Assert.Equal((long)count, Sql.Scalar(connection, "SELECT COUNT(*) FROM parcels"));
        Assert.Equal((long)count, Sql.Scalar(connection, "SELECT COUNT(*) FROM rtree_parcels_geom"));
    }

    [Fact]
    public void Reports_progress_per_layer_with_rows_written()
    {
        var messages = new List<string>();
        var progress = new SynchronousProgress(messages.Add);

        GeoPackageWriter.Write(directory.File("p.gpkg"), [SampleLayers.Parcels(12), SampleLayers.Roads(3)], progress);

        Assert.Equal(["parcels: 12 rows written", "roads: 3 rows written"], messages);
    }

    [Fact]
    public void Replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        var path = directory.File("replace.gpkg");
        File.WriteAllText(path, "old content");

        GeoPackageWriter.Write(path, [SampleLayers.Roads(4)]);

        using var connection = Sql.Open(path);
        Assert.Equal(4L, Sql.Scalar(connection, "SELECT COUNT(*) FROM roads"));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Rejects_a_geometry_of_another_type_than_declared_and_keeps_the_old_file()
    {
        var path = directory.File("keep.gpkg");
        File.WriteAllText(path, "previous");
        var roads = SampleLayers.Roads(2);
        var wrong = roads with
        {
            Features = [.. roads.Features, new WritableFeature(SampleLayers.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(1, 2)), ["x"])],
        };

        var error = Assert.Throws<ArgumentException>(() => GeoPackageWriter.Write(path, [wrong]));

        Assert.Contains("roads", error.Message);
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Rejects_unknown_srids_reserved_names_and_duplicate_tables()
    {
        var roads = SampleLayers.Roads(1);
        var unknownSrid = roads with { Schema = roads.Schema with { Srid = 999_999 } };
        var reserved = roads with { Schema = roads.Schema with { Name = "gpkg_roads" } };
        var fidField = roads with { Schema = roads.Schema with { Fields = [new FieldDefinition("fid", FieldType.Integer)] } };

        Assert.Contains("999999", Assert.Throws<ArgumentException>(() => GeoPackageWriter.Write(directory.File("a.gpkg"), [unknownSrid])).Message);
        Assert.Throws<ArgumentException>(() => GeoPackageWriter.Write(directory.File("b.gpkg"), [reserved]));
        Assert.Throws<ArgumentException>(() => GeoPackageWriter.Write(directory.File("c.gpkg"), [roads, roads]));
        Assert.Throws<ArgumentException>(() => GeoPackageWriter.Write(directory.File("d.gpkg"), [fidField]));
    }

    [Fact]
    public void Declares_gauss_kruger_zones_by_central_meridian()
    {
        var roads = SampleLayers.Roads(1);
        var projected = roads with { Schema = roads.Schema with { Srid = 4548 } };
        var path = directory.File("gk.gpkg");

        GeoPackageWriter.Write(path, [projected]);

        using var connection = Sql.Open(path);
        var definition = (string)Sql.Scalar(connection, "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = 4548")!;
        Assert.StartsWith("PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 117E\"", definition);
        Assert.Contains("PARAMETER[\"central_meridian\",117]", definition);
        Assert.Contains("PARAMETER[\"false_easting\",500000]", definition);
    }
}
