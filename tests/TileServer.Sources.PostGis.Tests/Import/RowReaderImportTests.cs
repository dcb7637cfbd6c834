namespace TileServer.Sources.PostGis.Tests.Import;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Sources.PostGis.Import;

/// <summary>The importer's stored-row path (a GeoPackage's rows copied without objects per row) must load exactly
/// what the feature path loads, and fail as atomically.</summary>
[Collection(PostGisCollection.Name)]
public sealed class RowReaderImportTests(PostGisDatabaseFixture database)
{
    private ImportOptions Options(ImportMode mode) => new() { Mode = mode, TargetSchema = database.Schema };

    [Fact]
    public async Task Stored_rows_load_the_same_table_as_the_same_features()
    {
        var viaFeatures = PostGisDatabaseFixture.NewTableName("features");
        var viaRows = PostGisDatabaseFixture.NewTableName("rows");
        var layer = SampleLayers.Parcels(viaFeatures, 3_000);
        var features = layer.Features.ToList();
        features[1] = new WritableFeature(features[1].Geometry, ["永久基本农田 'quoted' \\ tab\t", "", -0.1, long.MinValue]);
        features[2] = new WritableFeature(features[2].Geometry, [null, null, null, null]);
        features[3] = new WritableFeature(features[3].Geometry, ["x", "0101", double.MaxValue, long.MaxValue]);
        var writer = new WKBWriter();
        var rows = features.Select(f => (writer.Write(f.Geometry), f.Values)).ToList();
        await using var importer = new PostGisImporter(database.ConnectionString);

        await importer.ImportAsync([layer with { Features = features }], Options(ImportMode.Create));
        var report = await importer.ImportAsync(SampleLayers.ParcelSchema(viaRows), new ListRowReader(layer.Schema.Fields, rows), Options(ImportMode.Create));

        Assert.Equal(3_000, report.Rows);
        Assert.Equal(3_000L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{viaRows}"));
        Assert.Equal(0L, await database.ScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT fid, ST_AsEWKB(geom), bsm, dlbm, mj, xh FROM {database.Schema}.{viaRows} " +
            $"EXCEPT SELECT fid, ST_AsEWKB(geom), bsm, dlbm, mj, xh FROM {database.Schema}.{viaFeatures}) AS differing"));
        Assert.Equal("永久基本农田 'quoted' \\ tab\t||-0.1|-9223372036854775808", await database.ScalarAsync<string>(
            $"SELECT concat_ws('|', bsm, dlbm, mj, xh) FROM {database.Schema}.{viaRows} WHERE fid = 2"));
    }

    [Fact]
    public async Task Single_parts_are_wrapped_and_other_forms_reencoded_as_the_declared_multi()
    {
        var name = PostGisDatabaseFixture.NewTableName("forms");
        var polygon = SampleLayers.Ring(118.7, 41.0, 0.001, 12);
        var multi = SampleLayers.Factory.CreateMultiPolygon([SampleLayers.Ring(118.8, 41.0, 0.001, 9), SampleLayers.Ring(118.81, 41.0, 0.001, 7)]);
        var withZ = new GeometryFactory(new PrecisionModel(), 4490).CreatePolygon(
            polygon.Shell.Coordinates.Select(c => new CoordinateZ(c.X, c.Y, 50)).ToArray());
        var values = SampleLayers.Parcels(name, 1).Features[0].Values;
        byte[][] wkbs =
        [
            new WKBWriter().Write(polygon),
            new WKBWriter(ByteOrder.BigEndian, false).Write(polygon),
            new WKBWriter().Write(multi),
            new WKBWriter(ByteOrder.LittleEndian, false, emitZ: true).Write(withZ),
        ];
        await using var importer = new PostGisImporter(database.ConnectionString);

        await importer.ImportAsync(SampleLayers.ParcelSchema(name), new ListRowReader(SampleLayers.ParcelSchema(name).Fields, wkbs.Select(w => (w, values)).ToList()), Options(ImportMode.Create));

        Assert.Equal([1L, 1L, 2L, 1L], await database.LongsAsync($"SELECT ST_NumGeometries(geom) FROM {database.Schema}.{name} ORDER BY fid"));
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{name} WHERE ST_CoordDim(geom) <> 2"));
        Assert.True(await database.ScalarAsync<bool>(
            $"SELECT bool_and(ST_Equals(geom, ST_Multi(ST_GeomFromText('{polygon.AsText()}', 4490)))) FROM {database.Schema}.{name} WHERE fid IN (1, 2, 4)"));
        Assert.True(await database.ScalarAsync<bool>(
            $"SELECT ST_Equals(geom, ST_GeomFromText('{multi.AsText()}', 4490)) FROM {database.Schema}.{name} WHERE fid = 3"));
    }

    [Fact]
    public async Task A_reader_failing_midway_or_a_cancellation_leaves_the_previous_table_intact()
    {
        var name = PostGisDatabaseFixture.NewTableName("rowfail");
        await using var importer = new PostGisImporter(database.ConnectionString);
        await importer.ImportAsync([SampleLayers.Parcels(name, 100)], Options(ImportMode.Create));
        var writer = new WKBWriter();
        var layer = SampleLayers.Parcels(name, 20_000, seed: 6);
        var rows = layer.Features.Select(f => (writer.Write(f.Geometry), f.Values)).ToList();

        var failing = new ListRowReader(layer.Schema.Fields, rows) { FailAtRow = 12_000 };
        await Assert.ThrowsAsync<InvalidDataException>(() => importer.ImportAsync(layer.Schema, failing, Options(ImportMode.Replace)));
        Assert.Equal(100L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{name}"));

        using var cancellation = new CancellationTokenSource();
        var progress = new Progress(p =>
        {
            if (p.Stage == "copy" && p.Rows >= 16_384)
                cancellation.Cancel();
        });
        var reader = new ListRowReader(layer.Schema.Fields, rows);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.ImportAsync(layer.Schema, reader, Options(ImportMode.Replace), progress, cancellation.Token));
        Assert.True(reader.RowsRead < rows.Count, "the copy went on after the cancellation");
        Assert.Equal(100L, await database.ScalarAsync<long>($"SELECT count(*) FROM {database.Schema}.{name}"));
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{database.Schema}' AND c.relname LIKE '%__import%'"));
    }

    [Fact]
    public async Task A_reader_whose_fields_are_not_the_schemas_is_refused()
    {
        var name = PostGisDatabaseFixture.NewTableName("rowfields");
        var schema = SampleLayers.ParcelSchema(name);
        await using var importer = new PostGisImporter(database.ConnectionString);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => importer.ImportAsync(schema, new ListRowReader(schema.Fields.Reverse().ToList(), []), Options(ImportMode.Create)));

        Assert.Contains("fields", error.Message);
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_tables WHERE schemaname = '{database.Schema}' AND tablename = '{name}'"));
    }

    /// <summary>IProgress&lt;T&gt; without a synchronization context hop, so cancellation happens mid-COPY.</summary>
    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
