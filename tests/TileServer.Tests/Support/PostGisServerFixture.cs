namespace TileServer.Tests.Support;

using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using TileServer.Cli;

/// <summary>A throwaway database in the PostgreSQL the test script started (TILESERVER_POSTGIS), loaded
/// with the shared sample's GeoPackage by the `import` command, and a server publishing it.</summary>
public sealed class PostGisServerFixture : IAsyncLifetime
{
    private readonly string adminConnection = Environment.GetEnvironmentVariable("TILESERVER_POSTGIS")
        ?? throw new InvalidOperationException("TILESERVER_POSTGIS is not set: run the README's test command (scripts/test.sh), which starts PostgreSQL/PostGIS");

    private readonly string database = $"tileserver_http_{Guid.NewGuid():N}"[..32];

    public string ConnectionString { get; private set; } = "";

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var extension = new NpgsqlCommand("CREATE EXTENSION postgis", connection);
            await extension.ExecuteNonQueryAsync();
        }

        // Loaded as an operator loads it: `tileserver import sample.gpkg --to …`, every layer into public.
        var exitCode = await ImportCommand.RunAsync([SharedSample.GeoPackagePath, "--to", ConnectionString]);
        if (exitCode != 0)
            throw new InvalidOperationException($"tileserver import of the shared sample exited with {exitCode}");

        Factory = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TILESERVER_POSTGIS"] = ConnectionString,
            ["TILESERVER_REDIS"] = "",
            // The database-made path (ST_AsMVT) is what these tests compare with the in-process encoder.
            ["TileServer:VectorTiles:PreferDatabaseTiles"] = "true",
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        Factory.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(adminConnection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
