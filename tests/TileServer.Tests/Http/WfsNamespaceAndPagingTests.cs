namespace TileServer.Tests.Http;

using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using TileServer.Tests.Support;

/// <summary>The three WFS defects of the QA pass, through the real pipeline on the sample GeoPackage (xzq has two
/// features): qualified type names are matched by namespace URI in KVP (NAMESPACES) and XML POST, page links never
/// lead past the end, and GetFeatureById as GeoJSON names a projected CRS as the collection does.</summary>
public sealed class WfsNamespaceAndPagingTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private const string GetFeature = "service=WFS&version=2.0.0&request=GetFeature";
    private static readonly XNamespace Wfs = "http://www.opengis.net/wfs/2.0";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string pathAndQuery)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(pathAndQuery.StartsWith("http", StringComparison.Ordinal) ? pathAndQuery : "/wfs?" + pathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string xml)
    {
        using var client = server.CreateClient();
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        using var response = await client.PostAsync("/wfs", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertUnknownType(HttpStatusCode status, string body)
    {
        Assert.True(status == HttpStatusCode.BadRequest, $"{status}: {body}");
        var exception = XElement.Parse(body).Element(Ows + "Exception")!;
        Assert.Equal("InvalidParameterValue", (string?)exception.Attribute("exceptionCode"));
        Assert.Equal("typeNames", (string?)exception.Attribute("locator"));
    }

    [Theory]
    [InlineData(GetFeature + "&typeNames=other:xzq")]
    [InlineData(GetFeature + "&typeNames=gh:xzq&NAMESPACES=xmlns(gh,http%3A%2F%2Fother)")]
    [InlineData("service=WFS&version=2.0.0&request=DescribeFeatureType&typeNames=other:xzq")]
    [InlineData("service=WFS&version=2.0.0&request=GetPropertyValue&valueReference=xzqmc&typeNames=gh:xzq&namespaces=xmlns(gh,http://other)")]
    public async Task Type_names_outside_the_server_namespace_are_unknown(string query)
    {
        var (status, body) = await GetAsync(query);
        AssertUnknownType(status, body);
    }

    [Theory]
    [InlineData("&typeNames=xzq")]
    [InlineData("&typeNames=gh:xzq")]
    [InlineData("&typeNames=pl:xzq&NAMESPACES=xmlns(pl,http%3A%2F%2Ftileserver.cn%2Fplanning)")]
    public async Task Type_names_in_the_server_namespace_read_the_layer(string typeNames)
    {
        var (status, body) = await GetAsync(GetFeature + typeNames + "&resultType=hits");
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("2", (string?)XElement.Parse(body).Attribute("numberMatched"));
    }

    [Theory]
    [InlineData("http://other", HttpStatusCode.BadRequest)]
    [InlineData("http://tileserver.cn/planning", HttpStatusCode.OK)]
    public async Task Post_resolves_the_type_name_prefix_by_its_declaration(string uri, HttpStatusCode expected)
    {
        var (status, body) = await PostAsync($"""
            <wfs:GetFeature service="WFS" version="2.0.0" resultType="hits" xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gh="{uri}">
              <wfs:Query typeNames="gh:xzq"/>
            </wfs:GetFeature>
            """);
        if (expected == HttpStatusCode.OK)
        {
            Assert.True(status == HttpStatusCode.OK, body);
            Assert.Equal("2", (string?)XElement.Parse(body).Attribute("numberMatched"));
        }
        else
        {
            AssertUnknownType(status, body);
        }
    }

    [Fact]
    public async Task A_page_past_the_end_links_back_to_the_last_page_in_gml_and_geojson()
    {
        var (status, body) = await GetAsync(GetFeature + "&typeNames=gh:xzq&count=1&startIndex=5");
        Assert.True(status == HttpStatusCode.OK, body);
        var root = XElement.Parse(body);
        Assert.Equal("0", (string?)root.Attribute("numberReturned"));
        Assert.Null(root.Attribute("next"));
        string previous = (string)root.Attribute("previous")!;
        Assert.EndsWith("startIndex=1", previous, StringComparison.Ordinal);
        var (_, lastBody) = await GetAsync(previous);
        var last = XElement.Parse(lastBody);
        Assert.Single(last.Elements(Wfs + "member"));
        Assert.Null(last.Attribute("next")); // the last page ends exactly at numberMatched

        (status, body) = await GetAsync(GetFeature + "&typeNames=gh:xzq&count=1&startIndex=5&outputFormat=application/json");
        Assert.True(status == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var links = json.RootElement.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
        Assert.Equal(["previous"], links.Keys);
        Assert.EndsWith("startIndex=1", links["previous"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFeatureById_as_geojson_in_a_gauss_krueger_crs_names_it()
    {
        var (status, body) = await GetAsync(GetFeature
            + "&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=xzq.1&outputFormat=application/json&srsName=urn:ogc:def:crs:EPSG::4549");
        Assert.True(status == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Feature", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("EPSG:4549", json.RootElement.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        var position = json.RootElement.GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        Assert.InRange(position[0].GetDouble(), 300_000, 500_000); // easting first, as the name says
        Assert.InRange(position[1].GetDouble(), 4_400_000, 4_700_000);
    }
}
