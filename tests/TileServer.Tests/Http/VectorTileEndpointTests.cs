namespace TileServer.Tests.Http;

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Tests.Support;

public sealed class VectorTileEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static readonly TileCoordinate SeatTile = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 12);

    private static string TileUrl(string layers, TileCoordinate t) => $"/tiles/{layers}/{t.Zoom}/{t.Column}/{t.Row}.mvt";

    [Fact]
    public async Task Landuse_tile_over_the_county_seat_holds_parcels_with_configured_attributes()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(TileUrl("ghyd", SeatTile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType!.MediaType);
        var tile = MvtReader.Read(await response.Content.ReadAsByteArrayAsync());
        var layer = Assert.Single(tile.Layers);
        Assert.Equal("ghyd", layer.Name);
        Assert.Equal(4096u, layer.Extent);
        Assert.True(layer.Features.Count >= 50, $"only {layer.Features.Count} parcels");
        foreach (var feature in layer.Features)
        {
            Assert.Equal(MvtGeometryType.Polygon, feature.Type);
            Assert.Equal(["bsm", "mj", "xzqdm", "ydyhfldm", "ydyhflmc"], feature.Attributes.Keys.Order());
            Assert.Equal(ulong.Parse((string)feature.Attributes["bsm"]), feature.Id);
            Assert.Equal("130881", feature.Attributes["xzqdm"]);
        }

        Assert.Equal(layer.Features.Count, layer.Features.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public async Task Composite_tile_has_the_requested_layers_in_order()
    {
        using var client = server.CreateClient();
        var tile = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 10);
        using var response = await client.GetAsync(TileUrl("xzq,yjjbnt,stbhhx,czkfbj", tile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = MvtReader.Read(await response.Content.ReadAsByteArrayAsync()).Layers.Select(l => l.Name).ToList();
        Assert.Equal("xzq", names[0]);
        Assert.Equal(names.OrderBy(n => Array.IndexOf(["xzq", "yjjbnt", "stbhhx", "czkfbj"], n)), names);
        Assert.Contains("czkfbj", names);
    }

    [Fact]
    public async Task Tile_without_features_is_204()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/tiles/xzq/12/2048/2048.mvt");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Repeat_request_is_a_cache_hit_and_matching_etag_gives_304()
    {
        using var client = server.CreateClient();
        string url = TileUrl("yjjbnt,ghyd", SeatTile);
        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("MISS", first.Headers.GetValues("X-Cache").Single());
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache").Single());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.False(first.Headers.ETag!.IsWeak);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        using var full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Fact]
    public async Task Gzip_is_used_when_accepted_and_decompresses_to_the_same_tile()
    {
        using var client = server.CreateClient();
        string url = TileUrl("ghyd", SeatTile);
        byte[] plain = await client.GetByteArrayAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await client.SendAsync(request);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        byte[] compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length);
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        await gzip.CopyToAsync(inflated);
        Assert.Equal(plain, inflated.ToArray());
    }

    [Theory]
    [InlineData("/tiles/xzq/abc/1/1.mvt", "z")]
    [InlineData("/tiles/xzq/31/1/1.mvt", "z")]
    [InlineData("/tiles/xzq/-1/0/0.mvt", "z")]
    [InlineData("/tiles/xzq/3/8/1.mvt", "x")]
    [InlineData("/tiles/xzq/3/1/8.mvt", "y")]
    [InlineData("/tiles/xzq/3/1/1.5.mvt", "y")]
    [InlineData("/tiles/xzq,xzq/3/1/1.mvt", "layers")]
    public async Task Bad_tile_parameters_give_400_naming_the_parameter(string url, string parameter)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/tiles/nosuch/3/1/1.mvt")]
    [InlineData("/tiles/xzq,nosuch/3/1/1.mvt")]
    [InlineData("/tiles/nosuch.json")]
    public async Task Unknown_layer_gives_404_and_the_server_keeps_serving(string url)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("nosuch", json.RootElement.GetProperty("layer").GetString());

        using var next = await client.GetAsync(TileUrl("xzq", SeatTile));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
