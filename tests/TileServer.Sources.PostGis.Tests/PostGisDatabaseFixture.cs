namespace TileServer.Sources.PostGis.Tests;

using Npgsql;

/// <summary>The real PostgreSQL/PostGIS started by scripts/services/postgres.sh, with a schema unique to
/// this test run (dropped at the end). Without TILESERVER_POSTGIS every test fails loudly: these tests
/// are never skipped silently.</summary>
public sealed class PostGisDatabaseFixture : IAsyncLifetime
{
    public const string Variable = "TILESERVER_POSTGIS";

    public string ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"{Variable} is not set: run scripts/test.sh, or `. scripts/services/postgres.sh && dotnet test tests/TileServer.Sources.PostGis.Tests; postgres_stop`");

    /// <summary>Unique per run so concurrent or leftover runs never collide.</summary>
    public string Schema { get; } = "ts_test_" + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync() => await ExecuteAsync($"CREATE SCHEMA {Schema}");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    /// <summary>Unpooled, so a connection broken by an outage test is never reused.</summary>
    public async Task<NpgsqlConnection> OpenAsync(string? connectionString = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString ?? ConnectionString) { Pooling = false, Timeout = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<long>> LongsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<long>();
        while (await reader.ReadAsync())
            result.Add(reader.GetInt64(0));
        return result;
    }

    /// <summary>A fresh table name inside the run's schema.</summary>
    public static string NewTableName(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..8];
}
