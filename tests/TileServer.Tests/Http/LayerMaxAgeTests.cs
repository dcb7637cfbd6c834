namespace TileServer.Tests.Http;

using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>Cache-Control max-age per layer (Layers[].MaxAgeSeconds), the protocol default otherwise, and the
/// smallest of a composite's layers, on XYZ vector and raster tiles, WMTS tiles and OGC API – Tiles.</summary>
public sealed class LayerMaxAgeTests : IDisposable
{
    private static readonly TileCoordinate Seat = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 12);

    private readonly WebApplicationFactory<Program> server = SampleServerFixture.Create(new Dictionary<string, string?>
    {
        ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
        ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
        // config/tileserver.json lists xzq first and ghyd second.
        ["TileServer:Layers:0:MaxAgeSeconds"] = "600",
        ["TileServer:Layers:1:MaxAgeSeconds"] = "60",
        ["TileServer:Xyz:MaxAgeSeconds"] = "3000",
        ["TileServer:Wmts:MaxAgeSeconds"] = "2000",
        ["TileServer:OgcApi:TileMaxAgeSeconds"] = "1000",
        ["TILESERVER_POSTGIS"] = "",
        ["TILESERVER_REDIS"] = "",
    });

    public void Dispose() => server.Dispose();

    [Theory]
    [InlineData("/tiles/ghyd/{0}.mvt", 60)]
    [InlineData("/tiles/xzq/{0}.mvt", 600)]
    [InlineData("/tiles/yjjbnt/{0}.mvt", 3000)]
    [InlineData("/tiles/xzq,ghyd/{0}.mvt", 60)]
    [InlineData("/tiles/xzq,yjjbnt/{0}.png", 600)]
    [InlineData("/tiles/yjjbnt/{0}.png", 3000)]
    public async Task Xyz_tiles_carry_the_smallest_max_age_of_their_layers(string pattern, int expected)
    {
        using var client = server.CreateClient();
        string url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, $"{Seat.Zoom}/{Seat.Column}/{Seat.Row}");
        for (int request = 0; request < 2; request++)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(expected), response.Headers.CacheControl?.MaxAge);
            Assert.True(response.Headers.CacheControl!.Public);
        }
    }

    [Fact]
    public async Task Wmts_tiles_carry_the_layer_max_age()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/wmts/1.0.0/ghyd/landuse/WebMercatorQuad/{Seat.Zoom}/{Seat.Row}/{Seat.Column}.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task Wmts_tiles_of_a_layer_without_its_own_max_age_carry_the_configured_wmts_default()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/wmts/1.0.0/yjjbnt/control_lines/WebMercatorQuad/{Seat.Zoom}/{Seat.Row}/{Seat.Column}.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2000), response.Headers.CacheControl?.MaxAge);
    }

    /// <summary>OGC API – Tiles serve the same layers, so a layer edited often must not be cached for the
    /// protocol's default there either (RFC 9111 §5.2.2.1); dataset tiles hold every layer, ghyd included.</summary>
    [Theory]
    [InlineData("/collections/ghyd/tiles/WebMercatorQuad/{0}", 60)]
    [InlineData("/collections/ghyd/map/tiles/WebMercatorQuad/{0}", 60)]
    [InlineData("/collections/xzq/tiles/WebMercatorQuad/{0}", 600)]
    [InlineData("/collections/yjjbnt/map/tiles/WebMercatorQuad/{0}", 1000)]
    [InlineData("/tiles/WebMercatorQuad/{0}", 60)]
    public async Task Ogc_api_tiles_carry_the_smallest_max_age_of_their_layers(string pattern, int expected)
    {
        using var client = server.CreateClient();
        string url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, $"{Seat.Zoom}/{Seat.Row}/{Seat.Column}");
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(expected), response.Headers.CacheControl?.MaxAge);
    }
}
