namespace TileServer.Tests.Http;

using System.Net;
using System.Text;
using System.Xml.Linq;
using TileServer.Tests.Support;

/// <summary>Property names are resolved by namespace URI, as type names are (09-025r2 §7.9.2.4.1, 09-026r2 §7.4.4),
/// through the real pipeline on the sample GeoPackage (xzq: two features, one named 二连浩特市): a foreign prefix is an
/// unknown property in KVP and POST, a prefix bound to the planning namespace selects the property.</summary>
public sealed class WfsPropertyNamespaceTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private const string GetFeature = "service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq";
    private const string Planning = "http://tileserver.cn/planning";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string query, string? post = null)
    {
        using var client = server.CreateClient();
        using var content = post is null ? null : new StringContent(post, Encoding.UTF8, "application/xml");
        using var response = post is null ? await client.GetAsync("/wfs?" + query) : await client.PostAsync("/wfs", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Filter(string reference, string declarations = "") => $"""
        <fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" {declarations}><fes:PropertyIsEqualTo><fes:ValueReference>{reference}</fes:ValueReference><fes:Literal>二连浩特市</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>
        """;

    private static string Post(string declarations, string propertyName, string filterReference) => $"""
        <wfs:GetFeature service="WFS" version="2.0.0" resultType="hits" xmlns:wfs="http://www.opengis.net/wfs/2.0" {declarations}>
          <wfs:Query typeNames="gh:xzq"><wfs:PropertyName>{propertyName}</wfs:PropertyName>{Filter(filterReference)}</wfs:Query>
        </wfs:GetFeature>
        """;

    [Theory]
    [InlineData(GetFeature + "&propertyName=other:xzqmc", "propertyName")]
    [InlineData(GetFeature + "&sortBy=other:xzqdm+DESC", "sortBy")]
    [InlineData("service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=xzq&valueReference=gh:xzqmc&namespaces=xmlns(gh,http%3A%2F%2Fother)", "valueReference")]
    [InlineData(GetFeature + "&filter=FILTER(x:xzqmc)&namespaces=xmlns(x,http%3A%2F%2Fother)", "filter")]
    [InlineData("POST(xmlns:x=\"http://other\"|x:xzqmc|xzqmc)", "propertyName")]
    [InlineData("POST(xmlns:x=\"http://other\"|xzqmc|x:xzqmc)", "filter")] // declared on the root, used in the filter
    public async Task A_property_name_outside_the_planning_namespace_is_unknown(string request, string locator)
    {
        var (status, body) = await SendRequestAsync(request);
        Assert.True(status == HttpStatusCode.BadRequest, $"{status}: {body}");
        var exception = XElement.Parse(body).Element(Ows + "Exception")!;
        Assert.Equal("InvalidParameterValue", (string?)exception.Attribute("exceptionCode"));
        Assert.Equal(locator, (string?)exception.Attribute("locator"));
    }

    [Theory]
    [InlineData(GetFeature + "&resultType=hits&propertyName=p:xzqmc&filter=FILTER(p:xzqmc)&namespaces=xmlns(p,http%3A%2F%2Ftileserver.cn%2Fplanning)")]
    [InlineData(GetFeature + "&resultType=hits&propertyName=gh:xzq/gh:xzqmc&filter=FILTER(gh:xzqmc)")]
    [InlineData("POST(xmlns:p=\"" + Planning + "\"|p:xzqmc|p:xzqmc)")]
    [InlineData("POST(|gh:xzqmc|gh:xzqmc)")] // undeclared: the server's own prefix
    public async Task A_property_name_in_the_planning_namespace_filters_the_features(string request)
    {
        var (status, body) = await SendRequestAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        Assert.Equal("1", (string?)XElement.Parse(body).Attribute("numberMatched"));
    }

    /// <summary>"POST(declarations|propertyName|filter reference)" or a query string in which FILTER(reference) stands
    /// for the escaped filter.</summary>
    private Task<(HttpStatusCode Status, string Body)> SendRequestAsync(string request)
    {
        if (request.StartsWith("POST(", StringComparison.Ordinal))
        {
            var parts = request[5..^1].Split('|');
            return SendAsync("", Post(parts[0], parts[1], parts[2]));
        }

        int start = request.IndexOf("FILTER(", StringComparison.Ordinal);
        if (start >= 0)
        {
            int end = request.IndexOf(')', start);
            request = request[..start] + Uri.EscapeDataString(Filter(request[(start + 7)..end])) + request[(end + 1)..];
        }

        return SendAsync(request);
    }
}
