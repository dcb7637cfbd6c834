namespace TileServer.Tests.Integration;

using Npgsql;
using TileServer.Cli;
using TileServer.Tests.Support;

/// <summary>`tileserver import file.gpkg` reads the GeoPackage's stored rows straight into the COPY. Importing the
/// shared sample's file must give, layer by layer, exactly the tables the fixture got by importing the same sample's
/// features: same fids, geometries and values.</summary>
public sealed class GeoPackageImportCommandTests(PostGisServerFixture postgis) : IClassFixture<PostGisServerFixture>
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

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
