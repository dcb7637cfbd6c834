namespace TileServer.Tests.Http;

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using TileServer.Core.Tiling;
using TileServer.Protocols.Wmts;
using TileServer.Tests.Support;

/// <summary>The zoom range of a layer in WMTS (ghyd: Web Mercator zoom 10–16): TileMatrixSetLimits list every
/// level GetTile answers, levels below the min zoom are transparent tiles, levels past the max zoom are
/// TileOutOfRange (docs/wmts.md, "Zoom range").</summary>
public sealed class WmtsZoomRangeTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static readonly XNamespace Wmts = "http://www.opengis.net/wmts/1.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Tile(string set, int zoom, string request = "GetTile", string extra = "")
    {
        var tile = TileMatrixSets.Get(set).TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, zoom);
        return $"/wmts?SERVICE=WMTS&REQUEST={request}&VERSION=1.0.0&LAYER=ghyd&STYLE=landuse&FORMAT=image/png&TILEMATRIXSET={set}"
            + $"&TILEMATRIX={Text(zoom)}&TILEROW={Text(tile.Row)}&TILECOL={Text(tile.Column)}{extra}";
    }

    [Theory]
    [InlineData("WebMercatorQuad", 0, 16)]
    [InlineData("CGCS2000Quad", 1, 16)]
    [InlineData("WorldCRS84Quad", 0, 15)]
    public async Task Limits_cover_every_level_from_the_first_to_the_max_zoom(string set, int first, int last)
    {
        using var client = server.CreateClient();
        var doc = XDocument.Parse(await client.GetStringAsync("/wmts/1.0.0/WMTSCapabilities.xml"));
        var layer = doc.Descendants(Wmts + "Layer").Single(l => l.Element(Ows + "Identifier")!.Value == "ghyd");
        var link = layer.Elements(Wmts + "TileMatrixSetLink").Single(l => l.Element(Wmts + "TileMatrixSet")!.Value == set);
        var levels = link.Descendants(Wmts + "TileMatrixLimits").Select(l => int.Parse(l.Element(Wmts + "TileMatrix")!.Value, CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(first, last - first + 1), levels);
    }

    [Theory]
    [InlineData("WebMercatorQuad", 8)]
    [InlineData("CGCS2000Quad", 5)]
    [InlineData("WorldCRS84Quad", 3)]
    public async Task Below_the_min_zoom_a_tile_is_transparent(string set, int zoom)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(Tile(set, zoom));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(WmtsEmptyTile.Png, await response.Content.ReadAsByteArrayAsync());

        using var info = await client.GetAsync(Tile(set, zoom, "GetFeatureInfo", "&I=128&J=128&INFOFORMAT=application/json"));
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        using var json = JsonDocument.Parse(await info.Content.ReadAsStringAsync());
        Assert.Empty(json.RootElement.GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task At_the_min_zoom_the_tile_is_drawn()
    {
        using var client = server.CreateClient();
        byte[] png = await client.GetByteArrayAsync(Tile("WebMercatorQuad", 10));
        Assert.NotEqual(WmtsEmptyTile.Png, png);
    }

    [Theory]
    [InlineData("WebMercatorQuad", 17)]
    [InlineData("CGCS2000Quad", 17)]
    [InlineData("WorldCRS84Quad", 16)]
    public async Task Past_the_max_zoom_a_tile_is_out_of_range(string set, int zoom)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(Tile(set, zoom));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains("exceptionCode=\"TileOutOfRange\"", body, StringComparison.Ordinal);
        Assert.Contains("locator=\"TileMatrix\"", body, StringComparison.Ordinal);
    }
}
