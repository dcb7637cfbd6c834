namespace TileServer.Tests.Integration;

using Npgsql;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>A client that gives up on a tile cancels the database query behind it (issue 3): the request's
/// abort token reaches the shared tile production, which is cancelled once no other request waits for it,
/// and Npgsql sends PostgreSQL a cancel request. Checked in pg_stat_activity, over HTTP, for both tile paths
/// (encoding in process from WKB, and ST_AsMVT in the database).</summary>
[Collection(ServiceOutageCollection.Name)]
public sealed class PostGisCancellationTests(PostGisServerFixture postgis) : IClassFixture<PostGisServerFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_disconnected_client_cancels_its_query(bool databaseTiles)
    {
        string view = $"sleepy_{Guid.NewGuid():N}"[..20];
        // Empty while the server discovers it (so start-up is fast); afterwards each row sleeps 60 s.
        await ExecuteAsync($"""
            CREATE TABLE {view}_t (id int PRIMARY KEY, geom geometry(Polygon, 4490));
            CREATE VIEW {view} AS SELECT id, geom FROM {view}_t WHERE length(pg_sleep(60)::text) >= 0;
            """);
        try
        {
            using var factory = SampleServerFixture.Create(new Dictionary<string, string?>
            {
                ["TILESERVER_POSTGIS"] = postgis.ConnectionString,
                ["TILESERVER_REDIS"] = "",
                ["TileServer:DiscoverLayers"] = "true",
                ["TileServer:VectorTiles:PreferDatabaseTiles"] = databaseTiles ? "true" : "false",
                ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            });
            using var client = factory.CreateClient();
            await ExecuteAsync($"INSERT INTO {view}_t VALUES (1, ST_MakeEnvelope(118.00, 41.00, 118.05, 41.05, 4490))");
            var tile = WebMercator.TileAt(118.02, 41.02, 12);

            using var abort = new CancellationTokenSource();
            var request = client.GetAsync($"/tiles/{view}/12/{tile.Column}/{tile.Row}.mvt", abort.Token);
            string active = $"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%{view}%' AND pid <> pg_backend_pid()";
            Assert.True(await WaitUntilAsync(async () => await ScalarAsync(active) == 1), "the slow tile query never started");

            abort.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

            // Well inside the 30 s statement timeout and the 60 s sleep: only the cancel can end it this soon.
            Assert.True(await WaitUntilAsync(async () => await ScalarAsync(active) == 0), "PostgreSQL still runs the abandoned query: " + await DebugAsync(view));
        }
        finally
        {
            await ExecuteAsync($"DROP VIEW IF EXISTS {view}; DROP TABLE IF EXISTS {view}_t");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgis.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgis.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> DebugAsync(string view)
    {
        await using var connection = new NpgsqlConnection(postgis.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pid || ' ' || state || ' ' || coalesce(wait_event, '') || ' ' || now() - query_start || ' ' || left(query, 300) FROM pg_stat_activity WHERE query LIKE '%{view}%' AND pid <> pg_backend_pid()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return string.Join(" | ", rows);
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }

        return false;
    }
}
