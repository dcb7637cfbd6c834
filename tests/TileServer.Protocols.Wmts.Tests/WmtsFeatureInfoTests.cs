namespace TileServer.Protocols.Wmts.Tests;

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using TileServer.Core.Tiling;

/// <summary>GetFeatureInfo (07-057r7 §7.3) on the in-memory square 118.5–119.0 E, 40.8–41.2 N: pixel to
/// ground in every set, the three InfoFormats in KVP and REST, and the exceptions with their locators.</summary>
public sealed class WmtsFeatureInfoTests
{
    private static readonly XNamespace Ows = WmtsNamespaces.Ows;
    private static readonly XNamespace Gml = WmtsNamespaces.Gml;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The tile and pixel (I, J) holding a lon/lat point at one level of a set.</summary>
    public static (TileCoordinate Tile, int I, int J) Pixel(TileMatrixSet set, int zoom, double longitude, double latitude)
    {
        (double x, double y) = set.FromLonLat(longitude, latitude);
        var tile = set.TileAt(x, y, zoom);
        var bounds = set.TileBounds(tile);
        double cell = set.GetMatrix(zoom).CellSize;
        return (tile, (int)Math.Floor((x - bounds.MinX) / cell), (int)Math.Floor((bounds.MaxY - y) / cell));
    }

    private static string Query(string set, int zoom, double longitude, double latitude, string infoFormat = "application/json")
    {
        var (tile, i, j) = Pixel(TileMatrixSets.Get(set), zoom, longitude, latitude);
        return $"?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=xzq&STYLE=xzq&FORMAT=image/png&TILEMATRIXSET={set}"
            + $"&TILEMATRIX={Text(zoom)}&TILEROW={Text(tile.Row)}&TILECOL={Text(tile.Column)}&I={Text(i)}&J={Text(j)}&INFOFORMAT={Uri.EscapeDataString(infoFormat)}";
    }

    private static async Task<HttpContext> Kvp(string query)
    {
        var context = WmtsTestData.Context(query);
        var result = await WmtsEndpoints.HandleKvpAsync(context);
        await result.ExecuteAsync(context);
        return context;
    }

    private static string Body(HttpContext context) => Encoding.UTF8.GetString(WmtsTestData.Body(context));

    [Theory]
    [InlineData("WebMercatorQuad", 12)]
    [InlineData("WorldCRS84Quad", 11)]
    [InlineData("CGCS2000Quad", 12)]
    public void The_pixel_centre_maps_back_to_the_clicked_point_in_every_set(string id, int zoom)
    {
        var set = TileMatrixSets.Get(id);
        var (tile, i, j) = Pixel(set, zoom, 118.7654, 40.9876);
        var location = WmtsPixelLocation.Of(set, tile, i, j, 2);
        double cellDegrees = set.IsGeographic ? set.GetMatrix(zoom).CellSize : set.GetMatrix(zoom).CellSize / 111_319.49 * 1.01;
        Assert.InRange(location.Longitude, 118.7654 - cellDegrees, 118.7654 + cellDegrees);
        Assert.InRange(location.Latitude, 40.9876 - cellDegrees, 40.9876 + cellDegrees);
        Assert.True(location.SearchBox.Contains(location.Longitude, location.Latitude));
        Assert.InRange(location.SearchBox.Width, 3.9 * cellDegrees / 1.01 / (set.IsGeographic ? 1 : 1.33), 4.1 * cellDegrees);
    }

    [Fact]
    public void Pixel_0_0_of_the_first_CGCS2000_tile_is_half_a_cell_from_the_top_left_corner()
    {
        var set = TileMatrixSets.Get("CGCS2000Quad");
        var matrix = set.Matrices[0];
        var location = WmtsPixelLocation.Of(set, new TileCoordinate(matrix.Zoom, 0, 0), 0, 0, 0);
        Assert.Equal(-180 + (matrix.CellSize / 2), location.Longitude, 12);
        Assert.Equal(90 - (matrix.CellSize / 2), location.Latitude, 12);
    }

    [Theory]
    [InlineData("WebMercatorQuad", 12)]
    [InlineData("WorldCRS84Quad", 11)]
    [InlineData("CGCS2000Quad", 12)]
    public async Task Json_names_the_feature_under_the_pixel_in_every_set(string set, int zoom)
    {
        var context = await Kvp(Query(set, zoom, 118.75, 41.0));
        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Body(context));
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var feature = Assert.Single(json.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal("xzq.1", feature.GetProperty("id").GetString());
        Assert.Equal("Polygon", feature.GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_pixel_beside_the_square_finds_nothing()
    {
        // Level 6 holds the square and its surroundings in one tile, inside the layer's limits.
        var context = await Kvp(Query("WebMercatorQuad", 6, 118.3, 41.0));
        Assert.Equal(200, context.Response.StatusCode);
        using var json = JsonDocument.Parse(Body(context));
        Assert.Empty(json.RootElement.GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task Gml_is_a_feature_info_response_with_lat_lon_geometry()
    {
        var context = await Kvp(Query("CGCS2000Quad", 12, 118.75, 41.0, "application/vnd.ogc.gml"));
        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith("application/vnd.ogc.gml", context.Response.ContentType, StringComparison.Ordinal);
        var root = XDocument.Parse(Body(context)).Root!;
        Assert.Equal(WmtsNamespaces.Wmts + "FeatureInfoResponse", root.Name);
        var member = Assert.Single(root.Element(Gml + "FeatureCollection")!.Elements(Gml + "featureMember"));
        var feature = member.Elements().Single();
        Assert.Equal(WmtsNamespaces.Features + "xzq", feature.Name);
        Assert.Equal("xzq.1", feature.Attribute(Gml + "id")!.Value);
        Assert.Equal("40.8 118.5", feature.Descendants(Gml + "lowerCorner").Single().Value);
        var polygon = feature.Element(WmtsNamespaces.Features + "geometry")!.Element(Gml + "Polygon")!;
        Assert.Equal("urn:ogc:def:crs:EPSG::4490", polygon.Attribute("srsName")!.Value);
        Assert.StartsWith("40.8 118.5 40.8 119", polygon.Descendants(Gml + "posList").Single().Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("html", "text/html")]
    [InlineData("gml", "application/vnd.ogc.gml")]
    public async Task Rest_resources_answer_like_kvp(string extension, string mediaType)
    {
        var (tile, i, j) = Pixel(TileMatrixSets.WebMercatorQuad, 12, 118.75, 41.0);
        var kvp = await Kvp(Query("WebMercatorQuad", 12, 118.75, 41.0, mediaType));
        var rest = WmtsTestData.Context("");
        var result = await WmtsEndpoints.HandleRestFeatureInfoAsync(rest, "xzq", "xzq", "WebMercatorQuad", "12",
            Text(tile.Row), Text(tile.Column), Text(j), Text(i), extension);
        await result.ExecuteAsync(rest);
        Assert.Equal(200, rest.Response.StatusCode);
        Assert.StartsWith(mediaType, rest.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(WmtsTestData.Body(kvp), WmtsTestData.Body(rest));
    }

    [Fact]
    public async Task Html_is_a_table_with_the_feature_row()
    {
        string html = Body(await Kvp(Query("WebMercatorQuad", 12, 118.75, 41.0, "text/html")));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&I=256&J=0", "PointIJOutOfRange", "I")]
    [InlineData("&I=0&J=-1", "PointIJOutOfRange", "J")]
    [InlineData("&I=0&J=256", "PointIJOutOfRange", "J")]
    [InlineData("&I=x&J=0", "InvalidParameterValue", "I")]
    [InlineData("&J=0", "MissingParameterValue", "I")]
    [InlineData("&I=0&J=0&INFOFORMAT=image/png", "InvalidParameterValue", "InfoFormat")]
    public async Task Bad_pixels_and_formats_are_ows_exceptions(string tail, string code, string locator)
    {
        var tile = TileMatrixSets.WebMercatorQuad.TileAtLonLat(118.75, 41.0, 12);
        string query = "?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=xzq&STYLE=xzq&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad"
            + $"&TILEMATRIX=12&TILEROW={Text(tile.Row)}&TILECOL={Text(tile.Column)}" + tail
            + (tail.Contains("INFOFORMAT", StringComparison.Ordinal) ? "" : "&INFOFORMAT=application/json");
        var context = await Kvp(query);
        Assert.Equal(400, context.Response.StatusCode);
        var exception = XDocument.Parse(Body(context)).Root!.Element(Ows + "Exception")!;
        Assert.Equal(code, exception.Attribute("exceptionCode")!.Value);
        Assert.Equal(locator, exception.Attribute("locator")!.Value);
    }

    [Fact]
    public async Task An_unknown_rest_extension_is_an_invalid_info_format()
    {
        var tile = TileMatrixSets.WebMercatorQuad.TileAtLonLat(118.75, 41.0, 12);
        var rest = WmtsTestData.Context("");
        var result = await WmtsEndpoints.HandleRestFeatureInfoAsync(rest, "xzq", "xzq", "WebMercatorQuad", "12", Text(tile.Row), Text(tile.Column), "0", "0", "txt");
        await result.ExecuteAsync(rest);
        Assert.Equal(400, rest.Response.StatusCode);
        Assert.Contains("locator=\"InfoFormat\"", Body(rest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Capabilities_list_info_formats_and_feature_info_templates()
    {
        var doc = XDocument.Parse(Body(await Kvp("?SERVICE=WMTS&REQUEST=GetCapabilities")));
        XNamespace wmts = WmtsNamespaces.Wmts;
        var layer = doc.Descendants(wmts + "Layer").Single(l => l.Element(Ows + "Identifier")!.Value == "xzq");
        Assert.Equal(["application/json", "text/html", "application/vnd.ogc.gml"], layer.Elements(wmts + "InfoFormat").Select(e => e.Value));
        var templates = layer.Elements(wmts + "ResourceURL").Where(r => r.Attribute("resourceType")!.Value == "FeatureInfo")
            .Select(r => r.Attribute("template")!.Value).ToArray();
        Assert.Equal(3, templates.Length);
        Assert.Contains("http://example.test/wmts/1.0.0/xzq/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}/{J}/{I}.gml", templates);
        Assert.Contains(doc.Descendants(Ows + "Operation"), o => o.Attribute("name")!.Value == "GetFeatureInfo");
    }
}
