namespace TileServer.Protocols.Wfs.Tests;

using System.Xml.Linq;

/// <summary>Qualified type names are namespace URI + local name (09-025r2 §6.3, NAMESPACES in §7.6.6 Table 7):
/// a prefix the request binds elsewhere, or an unbound prefix other than the server's own, names a feature type
/// this server does not have, in every operation that takes typeNames and in the XML POST binding.</summary>
public sealed class TypeNameNamespaceTests
{
    private const string Planning = "http://tileserver.cn/planning";
    private static readonly XNamespace Xs = WfsNamespaces.Xs;

    public static TheoryData<string> Operations => new()
    {
        "?service=WFS&version=2.0.0&request=GetFeature",
        "?service=WFS&version=2.0.0&request=GetPropertyValue&valueReference=mj",
        "?service=WFS&version=2.0.0&request=DescribeFeatureType",
    };

    private static async Task<(int Status, string Body)> RunAsync(string query, string? post = null)
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, query, post);
        return (status, body);
    }

    private static void AssertUnknownType(int status, string body)
    {
        Assert.Equal(400, status);
        var exception = XElement.Parse(body).Descendants(WfsNamespaces.Ows + "Exception").Single();
        Assert.Equal("InvalidParameterValue", (string?)exception.Attribute("exceptionCode"));
        Assert.Equal("typeNames", (string?)exception.Attribute("locator"));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task An_unbound_foreign_prefix_is_unknown(string operation)
    {
        var (status, body) = await RunAsync(operation + "&typeNames=other:ghyd");
        AssertUnknownType(status, body);
        Assert.Contains("prefix 'other' is not bound", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task The_server_prefix_bound_to_another_uri_is_unknown(string operation)
    {
        var (status, body) = await RunAsync(operation + "&typeNames=gh:ghyd&namespaces=" + Uri.EscapeDataString("xmlns(gh,http://other)"));
        AssertUnknownType(status, body);
        Assert.Contains("http://other", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Clark_notation_in_another_namespace_is_unknown(string operation)
    {
        var (status, body) = await RunAsync(operation + "&typeNames=" + Uri.EscapeDataString("{http://other}ghyd"));
        AssertUnknownType(status, body);
    }

    [Theory]
    [InlineData("typeNames=ghyd")]
    [InlineData("typeNames=gh:ghyd")]
    [InlineData("typeNames=p:ghyd&namespaces=xmlns(p,http%3A%2F%2Ftileserver.cn%2Fplanning)")] // escaped_url, as 06-121r3 §11.3 asks
    [InlineData("typeNames=p:ghyd&namespaces=xmlns(p,http://tileserver.cn/planning)")]
    [InlineData("typeNames=p:ghyd&namespaces=xmlns(wfs,http://www.opengis.net/wfs/2.0),xmlns(p,http://tileserver.cn/planning)")]
    [InlineData("typeNames=p:ghyd&namespace=xmlns(p=http://tileserver.cn/planning)")] // WFS 1.1 spelling
    [InlineData("typeNames=gh:ghyd&namespaces=xmlns(gh,http://tileserver.cn/planning)")]
    [InlineData("typeNames=ghyd&namespaces=xmlns(http://other)")] // a default namespace does not reach unqualified names
    [InlineData("typeNames={http://tileserver.cn/planning}ghyd")]
    public async Task Names_in_the_server_namespace_read_the_type(string typeNames)
    {
        var (status, body) = await RunAsync("?service=WFS&version=2.0.0&request=GetFeature&count=1&" + typeNames.Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal));
        Assert.True(status == 200, body);
        Assert.Single(XElement.Parse(body).Elements(WfsNamespaces.Wfs + "member"));
    }

    [Fact]
    public async Task Describe_feature_type_with_a_bound_prefix_describes_the_type()
    {
        var (status, body) = await RunAsync("?service=WFS&version=2.0.0&request=DescribeFeatureType&typeNames=p:ghyd&namespaces=xmlns(p," + Planning + ")");
        Assert.True(status == 200, body);
        Assert.Equal(["ghyd"], XElement.Parse(body).Elements(Xs + "element").Select(e => (string?)e.Attribute("name")));
    }

    [Theory]
    [InlineData("gh:ghyd,other:ghyd")]
    [InlineData("other:ghyd,ghyd")]
    public async Task Describe_feature_type_checks_every_listed_name(string typeNames)
    {
        var (status, body) = await RunAsync("?service=WFS&version=2.0.0&request=DescribeFeatureType&typeNames=" + typeNames);
        AssertUnknownType(status, body);
    }

    [Theory]
    [InlineData("xmlns(gh)http://x")]
    [InlineData("gh,http://x")]
    [InlineData("xmlns(gh,)")]
    [InlineData("xmlns(gh,http://x")]
    public async Task A_malformed_namespaces_parameter_is_invalid(string namespaces)
    {
        var (status, body) = await RunAsync("?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:ghyd&namespaces=" + Uri.EscapeDataString(namespaces));
        Assert.Equal(400, status);
        Assert.Contains("locator=\"namespaces\"", body, StringComparison.Ordinal);
        Assert.Contains("InvalidParameterValue", body, StringComparison.Ordinal);
    }

    private static string Post(string declarations, string typeNames) => $"""
        <wfs:GetFeature service="WFS" version="2.0.0" count="1" xmlns:wfs="http://www.opengis.net/wfs/2.0" {declarations}>
          <wfs:Query typeNames="{typeNames}"/>
        </wfs:GetFeature>
        """;

    [Theory]
    [InlineData("xmlns:gh=\"http://other\"", "gh:ghyd")]
    [InlineData("xmlns:p=\"http://other\"", "p:ghyd")]
    [InlineData("", "other:ghyd")]
    public async Task Post_resolves_the_prefix_from_the_in_scope_namespaces(string declarations, string typeNames)
    {
        var (status, body) = await RunAsync("", Post(declarations, typeNames));
        AssertUnknownType(status, body);
    }

    [Theory]
    [InlineData("xmlns:gh=\"" + Planning + "\"", "gh:ghyd")]
    [InlineData("xmlns:p=\"" + Planning + "\"", "p:ghyd")]
    [InlineData("", "gh:ghyd")] // undeclared: the server's own prefix
    [InlineData("xmlns=\"http://www.opengis.net/wfs/2.0\"", "ghyd")]
    public async Task Post_accepts_names_in_the_server_namespace(string declarations, string typeNames)
    {
        var (status, body) = await RunAsync("", Post(declarations, typeNames));
        Assert.True(status == 200, body);
        var root = XElement.Parse(body);
        Assert.Single(root.Elements(WfsNamespaces.Wfs + "member"));
        // The next link is a GET URL: it carries the binding, so following it reads the same type.
        string next = (string?)root.Attribute("next") ?? throw new InvalidOperationException("no next link");
        var (nextStatus, nextBody) = await RunAsync(new Uri(next).Query);
        Assert.True(nextStatus == 200, nextBody);
        Assert.Single(XElement.Parse(nextBody).Elements(WfsNamespaces.Wfs + "member"));
    }
}
