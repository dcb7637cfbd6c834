namespace TileServer.Tests.Integration;

using System.Net;
using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>Two server instances sharing the Redis of the test script: a tile produced by one is a cache
/// hit on the other, with the same bytes and ETag.</summary>
public sealed class SharedRedisCacheTests
{
    private static string Redis => Environment.GetEnvironmentVariable("TILESERVER_REDIS")
        ?? throw new InvalidOperationException("TILESERVER_REDIS is not set: run the README's test command (scripts/test.sh), which starts Redis");

    [Fact]
    public async Task Tile_produced_by_one_instance_is_a_hit_on_the_other()
    {
        var settings = new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = Redis,
        };
        using var first = SampleServerFixture.Create(settings);
        using var second = SampleServerFixture.Create(settings);
        // A tile no other test asks for, so the shared tier starts without it whatever ran before.
        var tile = WebMercator.TileAt(118.55 + Random.Shared.NextDouble() * 0.2, 40.95, 15);
        string url = $"/tiles/ghyd,yjjbnt/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt";

        using var produced = await first.CreateClient().GetAsync(url);
        using var shared = await second.CreateClient().GetAsync(url);

        Assert.Equal(produced.StatusCode, shared.StatusCode);
        Assert.Equal("MISS", produced.Headers.GetValues("X-Cache").Single());
        Assert.Equal("HIT", shared.Headers.GetValues("X-Cache").Single());
        Assert.Equal(produced.Headers.ETag, shared.Headers.ETag);
        Assert.Equal(await produced.Content.ReadAsByteArrayAsync(), await shared.Content.ReadAsByteArrayAsync());

        using var health = JsonDocument.Parse(await second.CreateClient().GetStringAsync("/health"));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_ok_without_redis()
    {
        using var server = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        });
        using var response = await server.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("layers").GetInt32());   // six stored layers and the computed conflicts
    }
}
