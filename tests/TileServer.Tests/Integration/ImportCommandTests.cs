namespace TileServer.Tests.Integration;

using Npgsql;
using TileServer.Cli;
using TileServer.Tests.Support;

/// <summary>`tileserver import` end to end into a real PostGIS. A GeoPackage's stored rows go straight into the COPY:
/// importing the shared sample's file must give, layer by layer, exactly the tables the fixture got by importing the
/// same sample's features (same fids, geometries and values). A GeoJSON file becomes one layer named after the file.</summary>
public sealed class ImportCommandTests(PostGisServerFixture postgis) : IClassFixture<PostGisServerFixture>
{
    [Fact]
    public async Task Every_layer_of_the_sample_file_imports_as_its_features_do()
    {
        var exitCode = await ImportCommand.RunAsync([SharedSample.GeoPackagePath, "--to", postgis.ConnectionString, "--schema", "from_gpkg"]);

        Assert.Equal(0, exitCode);
        await using var connection = new NpgsqlConnection(postgis.ConnectionString);
        await connection.OpenAsync();
        foreach (var layer in SharedSample.Dataset.Layers)
        {
            var columns = string.Join("", layer.Schema.Fields.Select(f => $", \"{f.Name}\""));
            var table = $"\"{layer.Schema.Name}\"";
            Assert.Equal((long)layer.Features.Count, await ScalarAsync(connection, $"SELECT count(*) FROM from_gpkg.{table}"));
            var differing = await ScalarAsync(connection,
                $"SELECT count(*) FROM (SELECT fid, ST_AsEWKB(geom){columns} FROM from_gpkg.{table} " +
                $"EXCEPT SELECT fid, ST_AsEWKB(geom){columns} FROM public.{table}) AS d");
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

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
