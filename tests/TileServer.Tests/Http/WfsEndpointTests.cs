namespace TileServer.Tests.Http;

using System.Globalization;
using System.Net;
using System.Xml.Linq;
using TileServer.Core.Crs;
using TileServer.Tests.Support;

/// <summary>WFS 2.0.0 (OGC 09-025r2) through the real pipeline on the sample GeoPackage: every layer is a
/// feature type, counts and attributes match the source, coordinates come out in the axis order of the
/// srsName form (平泉市 at latitude ≈ 41, longitude ≈ 118.7) and bad requests get ExceptionReports.</summary>
public sealed class WfsEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static readonly XNamespace Wfs = "http://www.opengis.net/wfs/2.0";
    private static readonly XNamespace Gml = "http://www.opengis.net/gml/3.2";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Gh = "http://tileserver.cn/planning";

    private async Task<XElement> GetXmlAsync(string query, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/wfs?" + query);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        return XElement.Parse(body);
    }

    private static double[] FirstPosition(XElement feature) =>
        feature.Descendants(Gml + "posList").First().Value.Split(' ').Take(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task Every_layer_is_a_feature_type_with_the_gauss_kruger_zones_of_its_data()
    {
        var root = await GetXmlAsync("service=WFS&request=GetCapabilities");
        var types = root.Element(Wfs + "FeatureTypeList")!.Elements(Wfs + "FeatureType").ToList();
        Assert.Equal(["gh:xzq", "gh:ghyd", "gh:yjjbnt", "gh:stbhhx", "gh:czkfbj", "gh:czjsyd2020", "gh:conflicts"], types.Select(t => t.Element(Wfs + "Name")!.Value));
        // xzq covers 二连浩特市 (≈112°E, zone 37) and 平泉市 (≈118.3–119.3°E, zones 39 and 40).
        var crs = types[0].Elements(Wfs + "OtherCRS").Select(e => e.Value).ToList();
        Assert.Contains("urn:ogc:def:crs:EPSG::4546", crs);
        Assert.Contains("urn:ogc:def:crs:EPSG::4549", crs);
        Assert.Contains("urn:ogc:def:crs:EPSG::4528", crs);
    }

    [Theory]
    [InlineData("xzq")]
    [InlineData("ghyd")]
    [InlineData("yjjbnt")]
    [InlineData("stbhhx")]
    [InlineData("czkfbj")]
    [InlineData("czjsyd2020")]
    public async Task Hits_match_the_source_count(string layer)
    {
        var root = await GetXmlAsync($"service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:{layer}&resultType=hits");
        Assert.Equal(SharedSample.Dataset.Layer(layer).Features.Count.ToString(CultureInfo.InvariantCulture), (string?)root.Attribute("numberMatched"));
    }

    [Fact]
    public async Task Features_carry_the_source_attributes_and_coordinates_in_each_axis_order()
    {
        var source = SharedSample.Dataset.Layer("xzq").Features[0];
        var expected = source.Geometry.Coordinates[0];
        var urn = await GetXmlAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq&count=1");
        var feature = urn.Element(Wfs + "member")!.Element(Gh + "xzq")!;
        Assert.Equal("xzq.1", (string?)feature.Attribute(Gml + "id"));
        Assert.Equal("平泉市", feature.Element(Gh + "xzqmc")!.Value);
        Assert.Equal("2", (string?)urn.Attribute("numberMatched"));
        Assert.NotNull(urn.Attribute("next"));
        var latFirst = FirstPosition(feature);
        Assert.Equal(expected.Y, latFirst[0], 1e-7);
        Assert.Equal(expected.X, latFirst[1], 1e-7);
        Assert.InRange(latFirst[0], 40, 42);

        var shortForm = FirstPosition(await GetXmlAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq&count=1&srsName=EPSG:4490"));
        Assert.Equal(expected.X, shortForm[0], 1e-7);
        Assert.Equal(expected.Y, shortForm[1], 1e-7);

        var gk = FirstPosition(await GetXmlAsync("service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq&count=1&srsName=http://www.opengis.net/def/crs/EPSG/0/4549"));
        var (easting, northing) = CrsTransformer.FromStorage(CrsRegistry.FindEpsg(4549)!).Transform(expected.X, expected.Y);
        Assert.Equal(northing, gk[0], 1e-3); // URI form: EPSG axis order, northing (X) first
        Assert.Equal(easting, gk[1], 1e-3);
        Assert.InRange(gk[0], 4_400_000, 4_700_000);
        Assert.InRange(gk[1], 300_000, 500_000);
    }

    [Fact]
    public async Task Json_output_and_property_projection()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq&outputFormat=application/json&propertyName=xzqmc&srsName=EPSG:4490");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features");
        Assert.Equal(2, features.GetArrayLength());
        Assert.Equal(["xzqmc"], features[0].GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal("二连浩特市", features[1].GetProperty("properties").GetProperty("xzqmc").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, features[0].GetProperty("geometry").ValueKind);
    }

    [Fact]
    public async Task Describe_feature_type_of_all_layers_is_one_schema()
    {
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var schema = await GetXmlAsync("service=WFS&version=2.0.0&request=DescribeFeatureType");
        Assert.Equal(7, schema.Elements(xs + "complexType").Count());   // six stored layers and the computed conflicts
        Assert.Equal("http://tileserver.cn/planning", (string?)schema.Attribute("targetNamespace"));
    }

    [Theory]
    [InlineData("service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:nope", "InvalidParameterValue", "typeNames")]
    [InlineData("service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq&srsName=EPSG:32650", "InvalidParameterValue", "srsName")]
    [InlineData("service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq&filter=%3Cx", "OperationParsingFailed", "filter")]
    [InlineData("service=WFS&version=2.0.0&request=LockFeature", "OperationNotSupported", "request")]
    public async Task Bad_requests_get_exception_reports(string query, string code, string locator)
    {
        var status = code == "OperationNotSupported" ? HttpStatusCode.NotImplemented : HttpStatusCode.BadRequest;
        var report = await GetXmlAsync(query, status);
        var exception = report.Element(Ows + "Exception")!;
        Assert.Equal(code, (string?)exception.Attribute("exceptionCode"));
        Assert.Equal(locator, (string?)exception.Attribute("locator"));
    }
}
