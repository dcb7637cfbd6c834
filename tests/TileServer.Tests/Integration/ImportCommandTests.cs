namespace TileServer.Tests.Integration;

using Microsoft.Data.Sqlite;
using Npgsql;
using TileServer.Cli;
using TileServer.Core.Errors;
using TileServer.Sources.GeoPackage;
using TileServer.Sources.PostGis.Import;
using TileServer.Tests.Support;

/// <summary>`tileserver import` end to end into a real PostGIS. A GeoPackage's stored rows go straight into the COPY:
/// the tables the fixture loaded from the shared sample's file must equal, layer by layer, what the importer makes of
/// the same sample's features (same fids, geometries and values). A GeoJSON file becomes one layer named after the file.</summary>
public sealed class ImportCommandTests(PostGisServerFixture postgis) : IClassFixture<PostGisServerFixture>
{
    [Fact]
    public async Task Every_layer_of_the_sample_file_imports_as_its_features_do()
    {
        // The fixture loaded public with `tileserver import sample.gpkg`; the same sample's features go through the
        // importer's feature path into another schema.
        await using (var importer = new PostGisImporter(postgis.ConnectionString))
        {
            await importer.ImportAsync(SharedSample.Dataset.Layers, new ImportOptions { TargetSchema = "from_features" });
        }

        await using var connection = new NpgsqlConnection(postgis.ConnectionString);
        await connection.OpenAsync();
        foreach (var layer in SharedSample.Dataset.Layers)
        {
            var columns = string.Join("", layer.Schema.Fields.Select(f => $", \"{f.Name}\""));
            var table = $"\"{layer.Schema.Name}\"";
            Assert.Equal((long)layer.Features.Count, await ScalarAsync(connection, $"SELECT count(*) FROM public.{table}"));
            var differing = await ScalarAsync(connection,
                $"SELECT count(*) FROM (SELECT fid, ST_AsEWKB(geom){columns} FROM public.{table} " +
                $"EXCEPT SELECT fid, ST_AsEWKB(geom){columns} FROM from_features.{table}) AS d");
            Assert.True(differing == 0, $"{layer.Schema.Name}: {differing} rows differ from the feature import");
        }
    }

    [Fact]
    public async Task A_geojson_file_becomes_one_typed_layer_named_after_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("import-geojson-");
        var file = Path.Combine(directory.FullName, "Parcels_2024.geojson");
        await File.WriteAllTextAsync(file, """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"BSM": "1308810001", "MJ": 12.5, "XH": 3, "note": null},
               "geometry": {"type": "Polygon", "coordinates": [[[118.70, 41.00], [118.71, 41.00], [118.71, 41.01], [118.70, 41.00]]]}},
              {"type": "Feature", "properties": {"BSM": "1308810002", "MJ": 7, "XH": 4, "note": "永久基本农田"},
               "geometry": {"type": "MultiPolygon", "coordinates": [[[[118.72, 41.00], [118.73, 41.00], [118.73, 41.01], [118.72, 41.00]]]]}}
            ]}
            """);
        try
        {
            var exitCode = await ImportCommand.RunAsync([file, "--to", postgis.ConnectionString, "--schema", "from_geojson"]);

            Assert.Equal(0, exitCode);
            await using var connection = new NpgsqlConnection(postgis.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT string_agg(concat_ws('|', fid, bsm, mj, xh, coalesce(note, 'null'), ST_GeometryType(geom), ST_SRID(geom), pg_typeof(mj), pg_typeof(xh)), ';' ORDER BY fid) FROM from_geojson.parcels_2024",
                connection);
            Assert.Equal(
                "1|1308810001|12.5|3|null|ST_MultiPolygon|4490|double precision|bigint;2|1308810002|7|4|永久基本农田|ST_MultiPolygon|4490|double precision|bigint",
                (string?)await command.ExecuteScalarAsync());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_corrupt_geometry_blob_fails_the_layer_with_a_one_line_error_and_loads_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("import-corrupt-");
        var file = Path.Combine(directory.FullName, "corrupt.gpkg");
        var layer = SharedSample.Dataset.Layer("xzq");
        GeoPackageWriter.Write(file, [layer]);
        await using (var sqlite = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await sqlite.OpenAsync();
            // The R-tree triggers would refuse the blob; a file damaged outside a GeoPackage-aware tool has none to run.
            var triggers = new List<string>();
            await using (var list = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'xzq'", sqlite))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    triggers.Add(reader.GetString(0));
            }

            foreach (var trigger in triggers)
            {
                await using var drop = new SqliteCommand($"DROP TRIGGER \"{trigger}\"", sqlite);
                await drop.ExecuteNonQueryAsync();
            }

            await using var corrupt = new SqliteCommand("UPDATE xzq SET geom = x'4750' WHERE fid = 2", sqlite);
            Assert.Equal(1, await corrupt.ExecuteNonQueryAsync());
        }

        try
        {
            var error = await Assert.ThrowsAsync<DataSourceException>(() =>
                ImportCommand.RunAsync([file, "--to", postgis.ConnectionString, "--schema", "from_corrupt"]));

            Assert.Contains("corrupt.gpkg: layer 'xzq' not imported", error.Message);
            Assert.DoesNotContain('\n', error.Message);
            await using var connection = new NpgsqlConnection(postgis.ConnectionString);
            await connection.OpenAsync();
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'from_corrupt'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
