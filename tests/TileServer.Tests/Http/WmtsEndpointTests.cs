namespace TileServer.Tests.Http;

using TileServer.Tests.Shared;
using System.Globalization;
using System.Net;
using System.Xml.Linq;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>WMTS 1.0.0 (OGC 07-057r7) through the real pipeline on the sample GeoPackage: capabilities in
/// both encodings, GetTile on every set, OWS exception reports (06-121r3 §8) and never a 500.</summary>
public sealed class WmtsEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static readonly XNamespace Wmts = "http://www.opengis.net/wmts/1.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string KvpTile(string layer, string style, string set, TileCoordinate t) =>
        $"/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE={style}&FORMAT=image/png&TILEMATRIXSET={set}&TILEMATRIX={Text(t.Zoom)}&TILEROW={Text(t.Row)}&TILECOL={Text(t.Column)}";

    private static string RestTile(string layer, string style, string set, TileCoordinate t) =>
        $"/wmts/1.0.0/{layer}/{style}/{set}/{Text(t.Zoom)}/{Text(t.Row)}/{Text(t.Column)}.png";

    [Fact]
    public async Task Capabilities_are_the_same_bytes_in_kvp_any_casing_and_rest()
    {
        using var client = server.CreateClient();
        using var kvp = await client.GetAsync("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        Assert.Equal(HttpStatusCode.OK, kvp.StatusCode);
        Assert.Equal("text/xml", kvp.Content.Headers.ContentType!.MediaType);
        byte[] bytes = await kvp.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await client.GetByteArrayAsync("/wmts?request=getcapabilities&service=wmts"));
        Assert.Equal(bytes, await client.GetByteArrayAsync("/wmts/1.0.0/WMTSCapabilities.xml"));
    }

    [Fact]
    public async Task Capabilities_list_the_styled_layers_and_the_three_sets_with_exact_scales()
    {
        using var client = server.CreateClient();
        var doc = XDocument.Parse(await client.GetStringAsync("/wmts/1.0.0/WMTSCapabilities.xml"));
        var contents = doc.Root!.Element(Wmts + "Contents")!;
        var layers = contents.Elements(Wmts + "Layer").ToDictionary(l => l.Element(Ows + "Identifier")!.Value);
        foreach (var (layer, style) in new[] { ("xzq", "xzq"), ("ghyd", "landuse"), ("yjjbnt", "control_lines"), ("stbhhx", "control_lines"), ("czkfbj", "control_lines"), ("czjsyd2020", "czjsyd2020") })
        {
            Assert.Equal(style, layers[layer].Element(Wmts + "Style")!.Element(Ows + "Identifier")!.Value);
            Assert.Equal(3, layers[layer].Elements(Wmts + "TileMatrixSetLink").Count());
        }

        foreach (TileMatrixSet set in TileMatrixSets.All)
        {
            var element = contents.Elements(Wmts + "TileMatrixSet").Single(s => s.Element(Ows + "Identifier")!.Value == set.Id);
            var scales = element.Elements(Wmts + "TileMatrix")
                .Select(m => double.Parse(m.Element(Wmts + "ScaleDenominator")!.Value, CultureInfo.InvariantCulture));
            Assert.Equal(set.Matrices.Select(m => m.ScaleDenominator), scales);
        }

        string Corner(string id) => contents.Elements(Wmts + "TileMatrixSet").Single(s => s.Element(Ows + "Identifier")!.Value == id)
            .Element(Wmts + "TileMatrix")!.Element(Wmts + "TopLeftCorner")!.Value;
        Assert.Equal("90 -180", Corner("CGCS2000Quad"));
        Assert.Equal("-180 90", Corner("WorldCRS84Quad"));
    }

    [Theory]
    [InlineData("WebMercatorQuad", 14)]
    [InlineData("CGCS2000Quad", 14)]
    [InlineData("WorldCRS84Quad", 13)]
    public async Task GetTile_over_the_county_seat_is_a_drawn_png_in_both_encodings(string setId, int level)
    {
        var set = TileMatrixSets.Get(setId);
        var tile = set.TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, level);
        using var client = server.CreateClient();
        using var response = await client.GetAsync(KvpTile("ghyd", "landuse", setId, tile));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        byte[] png = await response.Content.ReadAsByteArrayAsync();
        var pixels = PngPixels.Decode(png);
        Assert.Equal((256, 256), (pixels.Width, pixels.Height));
        Assert.True(pixels.Rgba.Chunk(4).Select(p => BitConverter.ToInt32(p)).Distinct().Count() > 2, "the tile is uniform");
        Assert.Equal(png, await client.GetByteArrayAsync(RestTile("ghyd", "landuse", setId, tile)));
    }

    [Fact]
    public async Task GetTile_revalidates_with_its_etag()
    {
        var tile = TileMatrixSets.WebMercatorQuad.TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 12);
        using var client = server.CreateClient();
        using var first = await client.GetAsync(RestTile("xzq", "xzq", "WebMercatorQuad", tile));
        var etag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, RestTile("xzq", "xzq", "WebMercatorQuad", tile));
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=ghyd&STYLE=landuse&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEROW=0&TILECOL=0", 400, "MissingParameterValue", "TileMatrix")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=ghyd&STYLE=landuse&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=12&TILEROW=x1&TILECOL=0", 400, "InvalidParameterValue", "TileRow")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=ghyd&STYLE=landuse&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=12&TILEROW=5000&TILECOL=0", 400, "TileOutOfRange", "TileRow")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=ghyd&STYLE=landuse&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=12&TILEROW=0&TILECOL=0", 400, "TileOutOfRange", "TileRow")]
    [InlineData("/wmts?service=wmts&request=GetTile&version=1.0.0&layer=nope&style=landuse&format=image/png&tilematrixset=WebMercatorQuad&tilematrix=12&tilerow=0&tilecol=0", 400, "InvalidParameterValue", "Layer")]
    [InlineData("/wmts/1.0.0/nope/landuse/WebMercatorQuad/12/0/0.png", 400, "InvalidParameterValue", "Layer")]
    [InlineData("/wmts/1.0.0/ghyd/landuse/CGCS2000Quad/0/0/0.png", 400, "InvalidParameterValue", "TileMatrix")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=DescribeDomains", 501, "OperationNotSupported", "Request")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo", 400, "MissingParameterValue", "Version")]
    public async Task Errors_are_ows_exception_reports(string url, int status, string code, string locator)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        var report = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Ows + "ExceptionReport", report.Name);
        Assert.Equal("1.0.0", report.Attribute("version")!.Value);
        var exception = report.Element(Ows + "Exception")!;
        Assert.Equal(code, exception.Attribute("exceptionCode")!.Value);
        Assert.Equal(locator, exception.Attribute("locator")!.Value);
    }

    [Theory]
    [InlineData("/wmts")]
    [InlineData("/wmts?SERVICE=&REQUEST=")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=&STYLE=&FORMAT=&TILEMATRIXSET=&TILEMATRIX=&TILEROW=&TILECOL=")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=ghyd&STYLE=landuse&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=12&TILEROW=99999999999&TILECOL=-0")]
    [InlineData("/wmts/1.0.0/ghyd/landuse/WebMercatorQuad/99/0/0.png")]
    [InlineData("/wmts/1.0.0/ghyd/landuse/webmercatorquad/%20/0/0.png")]
    [InlineData("/wmts/1.0.0/ghyd/nope/WorldCRS84Quad/0/0/0.png")]
    public async Task Malformed_requests_are_never_a_server_error(string url)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(400, (int)response.StatusCode);
    }
}
