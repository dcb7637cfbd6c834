namespace TileServer.Sources.PostGis.Tests;

using TileServer.Core.Features;
using TileServer.Sources.PostGis.Import;

[Collection(PostGisCollection.Name)]
public sealed class ImporterTests(PostGisDatabaseFixture database)
{
    private ImportOptions Options(ImportMode mode, InvalidGeometryHandling invalid = InvalidGeometryHandling.Repair) =>
        new() { Mode = mode, InvalidGeometry = invalid, TargetSchema = database.Schema };

    [Fact]
    public async Task Create_makes_a_typed_indexed_table_and_refuses_an_existing_one()
    {
        var name = PostGisDatabaseFixture.NewTableName("create");
        await using var importer = new PostGisImporter(database.ConnectionString);
        var reports = await importer.ImportAsync([SampleLayers.Parcels(name, 500)], Options(ImportMode.Create));

        Assert.Equal(500, reports[0].Rows);
        Assert.Equal(500L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{name}"));
        Assert.Equal("MULTIPOLYGON|4490", await database.ScalarAsync<string>(
            $"SELECT type || '|' || srid FROM geometry_columns WHERE f_table_schema = '{database.Schema}' AND f_table_name = '{name}'"));
        Assert.Equal(1L, await database.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_indexes WHERE schemaname = '{database.Schema}' AND tablename = '{name}' AND indexdef LIKE '%USING gist%'"));
        Assert.Equal("1308810000007", await database.ScalarAsync<string>($"SELECT bsm FROM {database.Schema}.{name} WHERE fid = 8"));

        var again = await Assert.ThrowsAsync<ImportRejectedException>(() => importer.ImportAsync([SampleLayers.Parcels(name, 10)], Options(ImportMode.Create)));
        Assert.Contains("already exists", again.Message);
        Assert.Equal(500L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{name}"));
    }

    [Fact]
    public async Task Replace_swaps_the_table_and_append_continues_the_fids()
    {
        var name = PostGisDatabaseFixture.NewTableName("modes");
        await using var importer = new PostGisImporter(database.ConnectionString);
        await importer.ImportAsync([SampleLayers.Parcels(name, 300)], Options(ImportMode.Create));

        await importer.ImportAsync([SampleLayers.Parcels(name, 120, seed: 2)], Options(ImportMode.Replace));
        Assert.Equal(120L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{name}"));

        await importer.ImportAsync([SampleLayers.Parcels(name, 30, seed: 3, firstBsm: 9_000)], Options(ImportMode.Append));
        Assert.Equal(150L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{name}"));
        Assert.Equal(150L, await database.ScalarAsync<long>($"SELECT max(fid) FROM {database.Schema}.{name}"));
        Assert.Equal("9000", await database.ScalarAsync<string>($"SELECT bsm FROM {database.Schema}.{name} WHERE fid = 121"));
        // Replace renamed the staging key and index to the table's own names; no staging table is left.
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{database.Schema}' AND c.relname LIKE '%__import%'"));
    }

    [Fact]
    public async Task A_bad_row_midway_leaves_the_previous_table_and_rows_intact()
    {
        var name = PostGisDatabaseFixture.NewTableName("atomic");
        await using var importer = new PostGisImporter(database.ConnectionString);
        await importer.ImportAsync([SampleLayers.Parcels(name, 200)], Options(ImportMode.Create));
        var before = await database.LongsAsync($"SELECT fid FROM {database.Schema}.{name} ORDER BY fid");

        // Row 5,000 of 10,000 carries text where an integer is declared: the COPY fails midway.
        var layer = SampleLayers.Parcels(name, 10_000, seed: 4);
        var features = layer.Features.ToList();
        features[5_000] = new WritableFeature(features[5_000].Geometry, ["x", "0101", 1.0, "not a number"]);
        var broken = layer with { Features = features };
        foreach (var mode in new[] { ImportMode.Replace, ImportMode.Append })
        {
            await Assert.ThrowsAnyAsync<Exception>(() => importer.ImportAsync([broken], Options(mode)));
            Assert.Equal(before, await database.LongsAsync($"SELECT fid FROM {database.Schema}.{name} ORDER BY fid"));
        }

        // A line in a polygon layer is refused by the server (typmod check) at the end of the COPY.
        features = layer.Features.ToList();
        features[9_999] = new WritableFeature(SampleLayers.Factory.CreateLineString([new(118, 41), new(118.1, 41.1)]), features[9_999].Values);
        await Assert.ThrowsAnyAsync<Exception>(() => importer.ImportAsync([layer with { Features = features }], Options(ImportMode.Replace)));
        Assert.Equal(before, await database.LongsAsync($"SELECT fid FROM {database.Schema}.{name} ORDER BY fid"));
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{database.Schema}' AND c.relname LIKE '%__import%'"));
    }

    [Fact]
    public async Task A_cancelled_import_leaves_the_previous_table_intact()
    {
        var name = PostGisDatabaseFixture.NewTableName("cancel");
        await using var importer = new PostGisImporter(database.ConnectionString);
        await importer.ImportAsync([SampleLayers.Parcels(name, 100)], Options(ImportMode.Create));

        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Stage == "copy" && p.Rows >= 16_384)
                cancellation.Cancel();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            importer.ImportAsync([SampleLayers.Parcels(name, 50_000, seed: 5)], Options(ImportMode.Replace), progress, cancellation.Token));
        Assert.Equal(100L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{name}"));
    }

    [Fact]
    public async Task Invalid_geometries_are_reported_then_repaired_or_rejected()
    {
        var layer = SampleLayers.Parcels("placeholder", 50);
        var features = layer.Features.ToList();
        features[9] = new WritableFeature(SampleLayers.Factory.CreateMultiPolygon([SampleLayers.BowTie(118.7, 41.0)]), features[9].Values);
        features[29] = new WritableFeature(SampleLayers.BowTie(118.8, 41.0), features[29].Values); // single polygon, promoted
        await using var importer = new PostGisImporter(database.ConnectionString);

        var rejected = PostGisDatabaseFixture.NewTableName("reject");
        var error = await Assert.ThrowsAsync<ImportRejectedException>(() => importer.ImportAsync(
            [new FeatureLayerData(SampleLayers.ParcelSchema(rejected), features)], Options(ImportMode.Create, InvalidGeometryHandling.Reject)));
        Assert.Equal(2, error.InvalidGeometries);
        Assert.Equal([10L, 30L], error.FirstInvalidFids);
        Assert.Contains("2 invalid geometries", error.Message);
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_tables WHERE schemaname = '{database.Schema}' AND tablename = '{rejected}'"));

        var repaired = PostGisDatabaseFixture.NewTableName("repair");
        var report = (await importer.ImportAsync([new FeatureLayerData(SampleLayers.ParcelSchema(repaired), features)], Options(ImportMode.Create)))[0];
        Assert.Equal(2, report.InvalidGeometries);
        Assert.Equal([10L, 30L], report.FirstInvalidFids);
        Assert.Equal(50, report.Rows);
        // The two bow ties could not be proven valid on the client, the simple parcels were: only a few rows went to
        // ST_IsValid, and it still found both.
        Assert.InRange(report.CheckedByServer, 2, 5);
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{repaired} WHERE NOT ST_IsValid(geom)"));
        Assert.Equal(2, await database.ScalarAsync<int>($"SELECT ST_NumGeometries(geom) FROM {database.Schema}.{repaired} WHERE fid = 10"));
    }

    [Fact]
    public async Task Every_field_type_and_null_round_trips_exactly()
    {
        var name = PostGisDatabaseFixture.NewTableName("values");
        var polygon = SampleLayers.Factory.CreateMultiPolygon([SampleLayers.Ring(118.7, 41.0, 0.001, 12)]);
        var layer = new FeatureLayerData(SampleLayers.ParcelSchema(name), [
            new WritableFeature(polygon, ["永久基本农田 'quoted' \\ tab\t", "", -0.1, long.MinValue]),
            new WritableFeature(polygon, [null, "1207", double.MaxValue, long.MaxValue]),
            new WritableFeature(polygon, ["13", null, null, null]),
            // Values of other CLR types are converted as before: an int to bigint, a decimal to float8, a number to text.
            new WritableFeature(polygon, [42, "0101", 2.5m, 7]),
        ]);
        await using var importer = new PostGisImporter(database.ConnectionString);

        await importer.ImportAsync([layer], Options(ImportMode.Create));

        Assert.Equal("永久基本农田 'quoted' \\ tab\t||-0.1|-9223372036854775808", await Row(1));
        Assert.Equal("null|1207|1.7976931348623157e+308|9223372036854775807", await Row(2));
        Assert.Equal("13|null|null|null", await Row(3));
        Assert.Equal("42|0101|2.5|7", await Row(4));

        Task<string> Row(int fid) => database.ScalarAsync<string>(
            $"SELECT concat_ws('|', coalesce(bsm, 'null'), coalesce(dlbm, 'null'), coalesce(mj::text, 'null'), coalesce(xh::text, 'null')) FROM {database.Schema}.{name} WHERE fid = {fid}");
    }

    /// <summary>IProgress&lt;T&gt; without a synchronization context hop, so cancellation happens mid-COPY.</summary>
    [Fact]
    public async Task Stored_wkb_passes_through_and_single_parts_become_one_part_multis()
    {
        var name = PostGisDatabaseFixture.NewTableName("wkb");
        var polygon = SampleLayers.Ring(118.7, 41.0, 0.001, 12);
        var multi = SampleLayers.Factory.CreateMultiPolygon([SampleLayers.Ring(118.8, 41.0, 0.001, 9), SampleLayers.Ring(118.81, 41.0, 0.001, 7)]);
        var bigEndian = new NetTopologySuite.IO.WKBWriter(NetTopologySuite.IO.ByteOrder.BigEndian, false).Write(polygon);
        var little = new NetTopologySuite.IO.WKBWriter();
        var values = SampleLayers.Parcels(name, 1).Features[0].Values;
        var layer = new FeatureLayerData(SampleLayers.ParcelSchema(name), [
            WritableFeature.FromWkb(little.Write(polygon), 4490, values),
            WritableFeature.FromWkb(little.Write(multi), 4490, values),
            WritableFeature.FromWkb(bigEndian, 4490, values),
        ]);
        await using var importer = new PostGisImporter(database.ConnectionString);

        await importer.ImportAsync([layer], Options(ImportMode.Create));

        Assert.Equal([1L, 2L, 1L], await database.LongsAsync($"SELECT ST_NumGeometries(geom) FROM {database.Schema}.{name} ORDER BY fid"));
        Assert.True(await database.ScalarAsync<bool>(
            $"SELECT ST_Equals(geom, ST_Multi(ST_GeomFromText('{polygon.AsText()}', 4490))) FROM {database.Schema}.{name} WHERE fid = 1"));
        Assert.True(await database.ScalarAsync<bool>(
            $"SELECT ST_Equals(geom, ST_GeomFromText('{multi.AsText()}', 4490)) FROM {database.Schema}.{name} WHERE fid = 2"));
        Assert.True(await database.ScalarAsync<bool>(
            $"SELECT ST_Equals(a.geom, b.geom) FROM {database.Schema}.{name} a, {database.Schema}.{name} b WHERE a.fid = 1 AND b.fid = 3"));
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
