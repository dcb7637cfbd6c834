namespace TileServer.Tests.Integration;

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Caching.Redis.PubSub;
using TileServer.Core.Caching;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Tests.Shared;
using TileServer.Tests.Support;

/// <summary>Two instances sharing the test script's Redis: a purge made on one also empties the other's
/// memory tier (Redis pub/sub), and an outage of Redis fails no request and ends with the instances in step.
/// Runs alone: it bumps a shared layer generation and stops Redis.</summary>
[Collection(ServiceOutageCollection.Name)]
public sealed class CrossInstancePurgeTests : IDisposable
{
    private const string Key = "cross-instance-key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TileCoordinate Seat = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 14);
    private static readonly TileCoordinate Far = WebMercator.TileAt(118.55, 40.95, 14);
    private readonly string copy;
    private readonly WebApplicationFactory<Program> first;
    private readonly WebApplicationFactory<Program> second;

    public CrossInstancePurgeTests()
    {
        copy = Path.Combine(Directory.CreateTempSubdirectory("tileserver-cross-").FullName, "shared.gpkg");
        File.Copy(SharedSample.GeoPackagePath, copy);
        var settings = new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = copy,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            ["TileServer:Admin:ApiKey"] = Key,
            // Only the purges under test invalidate: no file watching.
            ["TileServer:Cache:SourceWatchSeconds"] = "0",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = RedisTestServer.ConnectionString,
        };
        first = SampleServerFixture.Create(settings);
        second = SampleServerFixture.Create(settings);
    }

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
    }

    private static string Url(TileCoordinate t) => $"/tiles/ghyd/{t.Zoom}/{t.Column}/{t.Row}.mvt";

    private static async Task<(string Cache, byte[] Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.GetValues("X-Cache").Single(), await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<HttpResponseMessage> PurgeAsync(HttpClient client, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", Key);
        return await client.SendAsync(request);
    }

    private static object SeatBox()
    {
        var bounds = WebMercator.TileBoundsDegrees(Seat);
        double lon = (bounds.MinX + bounds.MaxX) / 2, lat = (bounds.MinY + bounds.MaxY) / 2;
        return new { layer = "ghyd", bbox = new[] { lon - 1e-4, lat - 1e-4, lon + 1e-4, lat + 1e-4 }, minzoom = 14, maxzoom = 14 };
    }

    /// <summary>Starts both servers, waits for their subscriptions, and moves ghyd to a fresh generation so
    /// that no tile left in Redis by an earlier run is reachable.</summary>
    private async Task<(HttpClient A, HttpClient B)> StartAsync()
    {
        HttpClient a = first.CreateClient(), b = second.CreateClient();
        foreach (var server in new[] { first, second })
        {
            var bus = Assert.IsType<RedisInvalidationBus>(server.Services.GetRequiredService<ICacheInvalidationBus>());
            Assert.True(await bus.WaitUntilSubscribedAsync(Patience));
        }

        using (var bump = await PurgeAsync(a, new { layer = "ghyd" }))
        {
            Assert.Equal(HttpStatusCode.OK, bump.StatusCode);
        }

        // The bump reaches B through the bus: wait until B uses the new generation too.
        long generation = await first.Services.GetRequiredService<ILayerGenerations>().GetAsync("ghyd", CancellationToken.None);
        var seen = second.Services.GetRequiredService<ILayerGenerations>();
        await UntilAsync(async () => await seen.GetAsync("ghyd", CancellationToken.None) == generation);
        return (a, b);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the condition did not hold in time");
    }

    private void EditSeatArea()
    {
        using var connection = new SqliteConnection($"Data Source={copy}");
        connection.Open();
        TileServer.Sources.GeoPackage.GeoPackageSqlFunctions.Register(connection);
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE ghyd SET ydyhflmc = '已变更'";
        Assert.True(update.ExecuteNonQuery() > 0);
    }

    private static IEnumerable<string?> Names(byte[] tile) =>
        MvtReader.Read(tile).Layers.Single().Features.Select(f => f.Attributes["ydyhflmc"] as string);

    [Fact]
    public async Task A_box_purge_on_one_instance_empties_the_other_instances_memory_tier_for_those_tiles_only()
    {
        var (a, b) = await StartAsync();
        foreach (var tile in new[] { Seat, Far })
        {
            await GetAsync(a, Url(tile));
            await GetAsync(b, Url(tile));
            Assert.Equal("HIT", (await GetAsync(b, Url(tile))).Cache);
        }

        EditSeatArea();
        using (var purge = await PurgeAsync(a, SeatBox()))
        {
            Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        }

        // The message arrives asynchronously; until then B may still answer from memory with the old tile.
        (string Cache, byte[] Body) after = ("", []);
        await UntilAsync(async () => (after = await GetAsync(b, Url(Seat))).Cache == "MISS");
        Assert.NotEmpty(Names(after.Body));
        Assert.All(Names(after.Body), name => Assert.Equal("已变更", name));
        Assert.Equal("HIT", (await GetAsync(b, Url(Far))).Cache);
        Assert.Equal("HIT", (await GetAsync(a, Url(Seat))).Cache);
    }

    [Fact]
    public async Task Redis_stopped_and_restarted_fails_no_request_and_purges_reach_the_other_instance_again()
    {
        var (a, b) = await StartAsync();
        await GetAsync(a, Url(Seat));
        await GetAsync(b, Url(Seat));
        try
        {
            await RedisTestServer.StopAsync();
            foreach (var tile in new[] { Seat, Far, WebMercator.TileAt(118.60, 40.97, 13) })
            {
                await GetAsync(a, Url(tile));
                await GetAsync(b, Url(tile));
            }
        }
        finally
        {
            await RedisTestServer.StartAgainAsync();
        }

        // Both reconnect by themselves (client and subscription); then a purge on A reaches B again. The
        // breaker closes on the first call that succeeds, so the wait keeps asking for tiles.
        await UntilAsync(async () =>
        {
            await GetAsync(a, Url(Far));
            using var health = System.Text.Json.JsonDocument.Parse(await a.GetStringAsync("/health"));
            return health.RootElement.GetProperty("status").GetString() == "ok";
        });
        var bus = Assert.IsType<RedisInvalidationBus>(second.Services.GetRequiredService<ICacheInvalidationBus>());
        Assert.True(await bus.WaitUntilSubscribedAsync(Patience));
        await GetAsync(b, Url(Seat));
        Assert.Equal("HIT", (await GetAsync(b, Url(Seat))).Cache);

        using (var purge = await PurgeAsync(a, SeatBox()))
        {
            Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        }

        await UntilAsync(async () => (await GetAsync(b, Url(Seat))).Cache == "MISS");
    }
}
