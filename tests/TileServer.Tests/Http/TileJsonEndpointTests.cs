namespace TileServer.Tests.Http;

using System.Net;
using System.Text.Json;
using TileServer.Tests.Support;

public sealed class TileJsonEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task TileJson_describes_a_composite_of_layers()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/tiles/xzq,ghyd.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("3.0.0", root.GetProperty("tilejson").GetString());
        Assert.Equal("http://localhost/tiles/xzq,ghyd/{z}/{x}/{y}.mvt", root.GetProperty("tiles")[0].GetString());
        Assert.Equal(0, root.GetProperty("minzoom").GetInt32());
        Assert.Equal(16, root.GetProperty("maxzoom").GetInt32());

        double[] bounds = root.GetProperty("bounds").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // The sample holds 平泉市 (about 118.3–119.3 E, 40.7–41.4 N) and 二连浩特市 (about 111.5–112.5 E, 43.3–44.0 N).
        Assert.InRange(bounds[0], 111.0, 112.5);
        Assert.InRange(bounds[2], 118.9, 119.6);
        Assert.InRange(bounds[1], 40.2, 41.0);
        Assert.InRange(bounds[3], 43.4, 44.5);
        double[] center = root.GetProperty("center").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(center[0], bounds[0], bounds[2]);
        Assert.InRange(center[1], bounds[1], bounds[3]);

        var layers = root.GetProperty("vector_layers").EnumerateArray().ToList();
        Assert.Equal(["xzq", "ghyd"], layers.Select(l => l.GetProperty("id").GetString()));
        var ghydFields = layers[1].GetProperty("fields");
        Assert.Equal("String", ghydFields.GetProperty("ydyhfldm").GetString());
        Assert.Equal("Number", ghydFields.GetProperty("mj").GetString());
        Assert.Equal(10, layers[1].GetProperty("minzoom").GetInt32());
    }

    /// <summary>The middle of the bounds falls between the sample's units, on empty tiles; the centre is a point on the
    /// layers' data, so the tile there at the centre zoom holds features.</summary>
    [Theory]
    [InlineData("ghyd")]
    [InlineData("czkfbj,ghyd")]
    [InlineData("xzq")]
    public async Task The_centre_lies_on_data(string layers)
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/tiles/{layers}.json"));
        double[] center = json.RootElement.GetProperty("center").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var tile = Core.Tiling.WebMercator.TileAt(center[0], center[1], (int)center[2]);

        using var response = await client.GetAsync($"/tiles/{layers}/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }
}
