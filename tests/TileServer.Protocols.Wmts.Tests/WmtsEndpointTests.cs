namespace TileServer.Protocols.Wmts.Tests;

using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using TileServer.Core.Tiling;

/// <summary>The KVP and REST handlers on a DefaultHttpContext, without a host: capabilities bytes, exception
/// reports and tiles.</summary>
public sealed class WmtsEndpointTests
{
    private static readonly XNamespace Ows = WmtsNamespaces.Ows;

    private static async Task<HttpContext> Kvp(string query)
    {
        var context = WmtsTestData.Context(query);
        var result = await WmtsEndpoints.HandleKvpAsync(context);
        await result.ExecuteAsync(context);
        return context;
    }

    private static async Task<XElement> Exception(string query, int status)
    {
        var context = await Kvp(query);
        Assert.Equal(status, context.Response.StatusCode);
        Assert.StartsWith("application/xml", context.Response.ContentType, StringComparison.Ordinal);
        var report = XDocument.Parse(System.Text.Encoding.UTF8.GetString(WmtsTestData.Body(context))).Root!;
        Assert.Equal(Ows + "ExceptionReport", report.Name);
        Assert.Equal("1.0.0", report.Attribute("version")!.Value);
        return report.Element(Ows + "Exception")!;
    }

    [Fact]
    public async Task Capabilities_are_byte_identical_whatever_the_parameter_casing()
    {
        var upper = await Kvp("?SERVICE=WMTS&REQUEST=GetCapabilities");
        var lower = await Kvp("?request=getcapabilities&service=wmts");
        Assert.Equal(200, upper.Response.StatusCode);
        Assert.StartsWith("text/xml", upper.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(WmtsTestData.Body(upper), WmtsTestData.Body(lower));
        Assert.Contains("<ows:Identifier>xzq</ows:Identifier>", System.Text.Encoding.UTF8.GetString(WmtsTestData.Body(upper)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?REQUEST=GetCapabilities", "MissingParameterValue", "Service", 400)]
    [InlineData("?SERVICE=WMS&REQUEST=GetCapabilities", "InvalidParameterValue", "Service", 400)]
    [InlineData("?SERVICE=WMTS", "MissingParameterValue", "Request", 400)]
    [InlineData("?SERVICE=WMTS&REQUEST=GetLegendGraphic", "OperationNotSupported", "Request", 501)]
    [InlineData("?SERVICE=WMTS&REQUEST=GetFeatureInfo", "MissingParameterValue", "Version", 400)]
    [InlineData("?SERVICE=WMTS&REQUEST=GetTile&LAYER=xzq", "MissingParameterValue", "Version", 400)]
    [InlineData("?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=xzq&STYLE=xzq&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEROW=0&TILECOL=0", "MissingParameterValue", "TileMatrix", 400)]
    [InlineData("?service=wmts&request=gettile&version=1.0.0&layer=nope&style=xzq&format=image/png&tilematrixset=WebMercatorQuad&tilematrix=3&tilerow=0&tilecol=0", "InvalidParameterValue", "Layer", 400)]
    [InlineData("?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=xzq&STYLE=xzq&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=abc&TILECOL=0", "InvalidParameterValue", "TileRow", 400)]
    [InlineData("?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=xzq&STYLE=xzq&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=99&TILECOL=0", "TileOutOfRange", "TileRow", 400)]
    public async Task Errors_are_ows_exception_reports(string query, string code, string locator, int status)
    {
        var exception = await Exception(query, status);
        Assert.Equal(code, exception.Attribute("exceptionCode")!.Value);
        Assert.Equal(locator, exception.Attribute("locator")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(exception.Element(Ows + "ExceptionText")!.Value));
    }

    /// <summary>06-121r3 §7.3.2: when AcceptVersions lists no version the server speaks, the answer is a
    /// VersionNegotiationFailed exception (Table 25: no locator), not the 1.0.0 capabilities.</summary>
    [Fact]
    public async Task Capabilities_without_an_acceptable_version_fail_negotiation()
    {
        var exception = await Exception("?SERVICE=WMTS&REQUEST=GetCapabilities&AcceptVersions=2.0.0,1.1.0", 400);
        Assert.Equal("VersionNegotiationFailed", exception.Attribute("exceptionCode")!.Value);
        Assert.Null(exception.Attribute("locator"));
    }

    [Theory]
    [InlineData("?SERVICE=WMTS&REQUEST=GetCapabilities&AcceptVersions=2.0.0,1.0.0")]
    [InlineData("?service=wmts&request=getcapabilities&acceptversions=1.0.0")]
    public async Task Capabilities_with_1_0_0_among_the_accepted_versions_are_served(string query)
    {
        var context = await Kvp(query);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("text/xml", context.Response.ContentType, StringComparison.Ordinal);
    }

    /// <summary>07-057r7 §10.2.1 / §8.3: a RESTful tile URL whose extension names a format the layer does not
    /// offer (a GeoServer habit: .jpeg, .jpg) is an InvalidParameterValue on Format in an OWS ExceptionReport;
    /// it fell through routing to an RFC 9457 404 instead.</summary>
    [Theory]
    [InlineData("jpg")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task A_rest_tile_in_an_unoffered_format_is_an_ows_exception(string extension)
    {
        var tile = TileMatrixSets.WebMercatorQuad.TileAtLonLat(118.7, 41.0, 9);
        var context = WmtsTestData.Context("");
        var result = await WmtsEndpoints.HandleRestTileWithExtensionAsync(context, "xzq", "xzq", "WebMercatorQuad", "9",
            tile.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), tile.Column.ToString(System.Globalization.CultureInfo.InvariantCulture), extension);
        await result.ExecuteAsync(context);
        Assert.Equal(400, context.Response.StatusCode);
        var exception = XDocument.Parse(System.Text.Encoding.UTF8.GetString(WmtsTestData.Body(context))).Root!.Element(Ows + "Exception")!;
        Assert.Equal("InvalidParameterValue", exception.Attribute("exceptionCode")!.Value);
        Assert.Equal("Format", exception.Attribute("locator")!.Value);
    }

    [Fact]
    public async Task The_rest_tile_route_takes_any_extension()
    {
        // Routing must reach the handler for every extension, so that it, not the framework, answers.
        Assert.EndsWith("{tileCol}.{extension}", WmtsRoutes.RestTile, StringComparison.Ordinal);
        var tile = TileMatrixSets.WebMercatorQuad.TileAtLonLat(118.7, 41.0, 9);
        var context = WmtsTestData.Context("");
        var result = await WmtsEndpoints.HandleRestTileWithExtensionAsync(context, "xzq", "xzq", "WebMercatorQuad", "9",
            tile.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), tile.Column.ToString(System.Globalization.CultureInfo.InvariantCulture), "png");
        await result.ExecuteAsync(context);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("image/png", context.Response.ContentType);
    }

    [Fact]
    public async Task GetTile_kvp_and_rest_answer_the_same_png()
    {
        var tile = TileMatrixSets.WebMercatorQuad.TileAtLonLat(118.7, 41.0, 9);
        var kvp = await Kvp($"?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=xzq&STYLE=xzq&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=9&TILEROW={tile.Row}&TILECOL={tile.Column}");
        Assert.Equal(200, kvp.Response.StatusCode);
        Assert.Equal("image/png", kvp.Response.ContentType);
        byte[] png = WmtsTestData.Body(kvp);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.NotEqual(WmtsEmptyTile.Png, png);

        var rest = WmtsTestData.Context("");
        var result = await WmtsEndpoints.HandleRestTileAsync(rest, "xzq", "xzq", "WebMercatorQuad", "9", tile.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), tile.Column.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await result.ExecuteAsync(rest);
        Assert.Equal(png, WmtsTestData.Body(rest));
    }

    [Fact]
    public async Task A_tile_with_nothing_drawn_is_a_transparent_png_not_204()
    {
        // Inside the layer limits at zoom 3 is one tile; at zoom 16 the limits hold tiles beside the square's corner only.
        var limits = TileMatrixSets.WebMercatorQuad.LimitsFor(WmtsTestData.Extent, 3);
        var context = await Kvp($"?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=xzq&STYLE=xzq&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW={limits.MinRow}&TILECOL={limits.MinColumn}");
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("image/png", context.Response.ContentType);
        Assert.NotEmpty(WmtsTestData.Body(context));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], WmtsEmptyTile.Png[..4]);
    }
}
