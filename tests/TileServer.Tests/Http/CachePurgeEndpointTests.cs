namespace TileServer.Tests.Http;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

public sealed class CachePurgeEndpointTests : IDisposable
{
    private const string Key = "test-admin-key";
    private readonly WebApplicationFactory<Program> server = SampleServerFixture.Create(new Dictionary<string, string?>
    {
        ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
        ["TileServer:Admin:ApiKey"] = Key,
        ["TileServer:Cache:SourceWatchSeconds"] = "0",
        ["TILESERVER_POSTGIS"] = "",
        ["TILESERVER_REDIS"] = "",
    });

    private static readonly TileCoordinate Seat = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 14);
    private static readonly TileCoordinate Far = WebMercator.TileAt(118.55, 40.95, 14);

    private static string Url(string layers, TileCoordinate t) => $"/tiles/{layers}/{t.Zoom}/{t.Column}/{t.Row}.mvt";

    private async Task<string> CacheStateAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("X-Cache").Single();
    }

    private static HttpRequestMessage Purge(object body, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    [Fact]
    public async Task Small_box_removes_exactly_the_affected_tiles_in_every_layer_set()
    {
        using var client = server.CreateClient();
        string png = Url("xzq,ghyd", Seat).Replace(".mvt", ".png", StringComparison.Ordinal);
        foreach (string url in new[] { Url("ghyd", Seat), Url("xzq,ghyd", Seat), Url("ghyd", Far), png })
        {
            await CacheStateAsync(client, url);
            Assert.Equal("HIT", await CacheStateAsync(client, url));
        }

        var center = WebMercator.TileBoundsDegrees(Seat);
        double lon = (center.MinX + center.MaxX) / 2, lat = (center.MinY + center.MaxY) / 2;
        using var response = await client.SendAsync(Purge(new { layer = "ghyd", bbox = new[] { lon - 1e-4, lat - 1e-4, lon + 1e-4, lat + 1e-4 }, minzoom = 14, maxzoom = 14 }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("generationBumped").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("affectedTiles").GetInt64());

        Assert.Equal("MISS", await CacheStateAsync(client, Url("ghyd", Seat)));
        Assert.Equal("MISS", await CacheStateAsync(client, Url("xzq,ghyd", Seat)));
        Assert.Equal("MISS", await CacheStateAsync(client, png));
        Assert.Equal("HIT", await CacheStateAsync(client, Url("ghyd", Far)));
    }

    [Fact]
    public async Task Whole_layer_purge_bumps_the_generation()
    {
        using var client = server.CreateClient();
        await CacheStateAsync(client, Url("ghyd", Far));
        await CacheStateAsync(client, Url("xzq", Far));
        using var response = await client.SendAsync(Purge(new { layer = "ghyd" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("generationBumped").GetBoolean());
        Assert.Equal("MISS", await CacheStateAsync(client, Url("ghyd", Far)));
        Assert.Equal("HIT", await CacheStateAsync(client, Url("xzq", Far)));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "X-Api-Key")]
    [InlineData("wrong", HttpStatusCode.Unauthorized, "X-Api-Key")]
    public async Task Requests_without_the_key_are_refused(string? key, HttpStatusCode status, string parameter)
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(Purge(new { layer = "ghyd" }, key));
        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Bad_bodies_are_4xx_problems()
    {
        using var client = server.CreateClient();
        using var noLayer = await client.SendAsync(Purge(new { bbox = new[] { 1.0, 2.0, 3.0, 4.0 } }));
        Assert.Equal(HttpStatusCode.BadRequest, noLayer.StatusCode);
        using var unknown = await client.SendAsync(Purge(new { layer = "nosuch" }));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badBox = await client.SendAsync(Purge(new { layer = "ghyd", bbox = new[] { 3.0, 2.0, 1.0, 4.0 } }));
        Assert.Equal(HttpStatusCode.BadRequest, badBox.StatusCode);
        using var badZoom = await client.SendAsync(Purge(new { layer = "ghyd", minzoom = 9, maxzoom = 3 }));
        Assert.Equal(HttpStatusCode.BadRequest, badZoom.StatusCode);
        using var notJson = new HttpRequestMessage(HttpMethod.Post, "/admin/cache/purge") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        notJson.Headers.Add("X-Api-Key", Key);
        using var garbage = await client.SendAsync(notJson);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [Theory]
    [InlineData(200.0, 40.0, 210.0, 41.0)] // longitudes beyond 180: purged 483 tiles at the antimeridian
    [InlineData(118.0, -100.0, 119.0, 100.0)] // latitudes beyond ±90
    [InlineData(-1e308, -1e308, 1e308, 1e308)]
    public async Task A_box_outside_longitude_and_latitude_ranges_is_400(double minLon, double minLat, double maxLon, double maxLat)
    {
        using var client = server.CreateClient();
        using var response = await client.SendAsync(Purge(new { layer = "ghyd", bbox = new[] { minLon, minLat, maxLon, maxLat }, minzoom = 10, maxzoom = 16 }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("bbox", problem.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Without_a_configured_key_the_endpoint_is_off()
    {
        using var plain = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        });
        using var response = await plain.CreateClient().SendAsync(Purge(new { layer = "ghyd" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose() => server.Dispose();
}
