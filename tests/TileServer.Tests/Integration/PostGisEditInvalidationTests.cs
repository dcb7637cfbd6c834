namespace TileServer.Tests.Integration;

using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>An edit committed in PostGIS reaches the server through the change triggers (LISTEN/NOTIFY): the next
/// request for a tile over the edited parcel is produced afresh and shows the edit, while a tile elsewhere stays
/// cached.</summary>
public sealed class PostGisEditInvalidationTests(PostGisServerFixture server) : IClassFixture<PostGisServerFixture>
{
    private const string EditedName = "变更测试用地";

    [Fact]
    public async Task An_update_invalidates_the_tiles_over_the_parcel_and_no_tile_far_away()
    {
        var client = server.CreateClient();
        var (fid, near) = await ParcelTileAsync("130881");
        var (_, far) = await ParcelTileAsync("152501");
        string nearUrl = $"/tiles/ghyd/{near.Zoom}/{near.Column}/{near.Row}.mvt";
        string farUrl = $"/tiles/ghyd/{far.Zoom}/{far.Column}/{far.Row}.mvt";
        foreach (string url in new[] { nearUrl, farUrl })
        {
            using var first = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("HIT", await CacheStateAsync(client, url));
        }

        await WaitForListenerAsync();
        await ExecuteAsync($"UPDATE ghyd SET ydyhflmc = '{EditedName}' WHERE fid = {fid.ToString(CultureInfo.InvariantCulture)}");

        string state = "HIT";
        for (var attempt = 0; attempt < 100 && state == "HIT"; attempt++)
        {
            await Task.Delay(200);
            state = await CacheStateAsync(client, nearUrl);
        }

        Assert.Equal("MISS", state);
        using var fresh = await client.GetAsync(nearUrl);
        var bytes = await fresh.Content.ReadAsByteArrayAsync();
        Assert.True(Contains(bytes, Encoding.UTF8.GetBytes(EditedName)), "the re-produced tile carries the edited attribute");
        Assert.Equal("HIT", await CacheStateAsync(client, farUrl));
    }

    /// <summary>A parcel of the unit and the z14 tile over a point inside it.</summary>
    private async Task<(long Fid, TileCoordinate Tile)> ParcelTileAsync(string unit)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT fid, ST_X(p), ST_Y(p) FROM (SELECT fid, ST_PointOnSurface(geom) AS p FROM ghyd WHERE xzqdm = @unit ORDER BY fid OFFSET 50 LIMIT 1) AS t", connection);
        command.Parameters.AddWithValue("unit", unit);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt64(0), WebMercator.TileAt(reader.GetDouble(1), reader.GetDouble(2), 14));
    }

    /// <summary>The server installs its triggers and LISTENs in the background after start-up.</summary>
    private async Task WaitForListenerAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tileserver:changes' AND query LIKE 'LISTEN%'", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                return;
            await Task.Delay(200);
        }

        Assert.Fail("the server never started listening for PostGIS changes");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> CacheStateAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.Headers.GetValues("X-Cache").Single();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
