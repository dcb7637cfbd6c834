namespace TileServer.Sources.GeoPackage.Tests.Reading;

using Microsoft.Data.Sqlite;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>The SQL functions of <c>QueryFunctions</c>, registered through SQLitePCL's raw API once per native
/// handle: they answer on every connection the pool hands out, return NULL for NULL, and a failure inside one is
/// the statement's error, never an exception unwinding through SQLite's native frames.</summary>
public sealed class QueryFunctionsTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string path;

    public QueryFunctionsTests()
    {
        path = directory.File("functions.gpkg");
        GeoPackageWriter.Write(path, [SampleLayers.Parcels(3)]);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_functions_answer_on_every_connection_the_pool_hands_out()
    {
        using var source = new GeoPackageFeatureSource("p", path);
        for (int open = 0; open < 3; open++)
        {
            using var connection = source.OpenConnection();
            Assert.Equal("áb平c", Scalar(connection, "SELECT ts_lower('ÁB平C')"));
            Assert.Equal(0L, Scalar(connection, "SELECT ts_is_empty(geom) FROM parcels LIMIT 1"));
            Assert.Equal(1L, Scalar(connection, "SELECT ts_envelope_meets(geom, -180, -90, 180, 90) FROM parcels LIMIT 1"));
            Assert.Equal(0L, Scalar(connection, "SELECT ts_envelope_meets(geom, 0, 0, 1, 1) FROM parcels LIMIT 1"));
        }
    }

    [Fact]
    public void Null_arguments_give_null()
    {
        using var source = new GeoPackageFeatureSource("p", path);
        using var connection = source.OpenConnection();
        Assert.Equal(DBNull.Value, Scalar(connection, "SELECT ts_lower(NULL)"));
        Assert.Equal(DBNull.Value, Scalar(connection, "SELECT ts_is_empty(NULL)"));
        Assert.Equal(DBNull.Value, Scalar(connection, "SELECT ts_spatial(NULL, x'00', 1)"));
    }

    [Fact]
    public void A_malformed_blob_fails_the_statement_and_the_connection_stays_usable()
    {
        using var source = new GeoPackageFeatureSource("p", path);
        using var connection = source.OpenConnection();
        var failure = Assert.Throws<SqliteException>(() => Scalar(connection, "SELECT ts_is_empty(x'4750')"));
        Assert.Contains("ts_is_empty", failure.Message, StringComparison.Ordinal);
        Assert.Throws<SqliteException>(() => Scalar(connection, "SELECT ts_spatial(geom, x'0102', 1) FROM parcels LIMIT 1"));
        Assert.Equal("ok", Scalar(connection, "SELECT ts_lower('OK')"));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
