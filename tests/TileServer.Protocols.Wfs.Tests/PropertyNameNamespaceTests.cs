namespace TileServer.Protocols.Wfs.Tests;

using System.Xml.Linq;
using TileServer.Core.Features.Filtering;

/// <summary>Property names are qualified names in the feature type's namespace, resolved like type names
/// (09-025r2 §7.9.2.4.1, §7.9.2.5; 09-026r2 §7.4.4): PROPERTYNAME, VALUEREFERENCE, SORTBY and fes:ValueReference in a
/// FILTER accept an unqualified name, the server's own prefix and any prefix bound to the feature namespace, and
/// refuse a foreign or rebound prefix with the error they give an unknown property — instead of stripping the prefix.</summary>
public sealed class PropertyNameNamespaceTests
{
    private const string Planning = "http://tileserver.cn/planning";
    private const string GetFeature = "?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd";

    /// <summary>Each place a KVP request names a property: the query with {0} for the (escaped) name, and the
    /// locator an unknown property gets there.</summary>
    public static TheoryData<string, string> Places => new()
    {
        { GetFeature + "&propertyName={0}", "propertyName" },
        { GetFeature + "&sortBy={0}+DESC", "sortBy" },
        { "?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=ghyd&valueReference={0}", "valueReference" },
        { GetFeature + "&filter=" + Uri.EscapeDataString(FesEquals("NAME")).Replace("NAME", "{0}", StringComparison.Ordinal), "filter" },
    };

    /// <summary>Names as "name|further parameters"; the name is escaped and put in place, the rest appended.</summary>
    public static TheoryData<string, string, string> ForeignNames => Cross(
        "other:mj", // unbound, not the server's prefix
        "gh:mj|&namespaces=xmlns(gh,http%3A%2F%2Fother)", // the server's prefix bound elsewhere
        "p:mj|&namespaces=xmlns(p,http%3A%2F%2Fother)",
        "{http://other}mj",
        "gh:ghyd/other:mj",
        "other:ghyd/gh:mj", // the feature-type step is checked as a type name
        "gh:nosuch/gh:mj"); // …and must name this feature type

    public static TheoryData<string, string, string> ServerNames => Cross(
        "mj",
        "gh:mj",
        "p:mj|&namespaces=xmlns(p,http%3A%2F%2Ftileserver.cn%2Fplanning)",
        "gh:mj|&namespaces=xmlns(gh,http%3A%2F%2Ftileserver.cn%2Fplanning)",
        "mj|&namespaces=xmlns(http%3A%2F%2Fother)", // a default namespace does not reach unqualified names
        "{" + Planning + "}mj",
        "gh:ghyd/gh:mj", // a leading feature-type step, as before
        "ghyd/mj");

    private static TheoryData<string, string, string> Cross(params string[] names)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var place in Places)
        {
            foreach (string name in names)
                data.Add((string)place[0], (string)place[1], name);
        }

        return data;
    }

    private static string Request(string place, string name)
    {
        var parts = name.Split('|');
        return place.Replace("{0}", Uri.EscapeDataString(parts[0]), StringComparison.Ordinal) + (parts.Length > 1 ? parts[1] : "");
    }

    private static string FesEquals(string reference) =>
        $"<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>{reference}</fes:ValueReference>"
        + "<fes:Literal>80</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";

    private static async Task<(int Status, string Body, FakeFeatureSource Source)> RunAsync(string query, string? post = null)
    {
        var (service, source) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, query, post);
        return (status, body, source);
    }

    private static void AssertUnknownProperty(int status, string body, string locator)
    {
        Assert.True(status == 400, body);
        var exception = XElement.Parse(body).Descendants(WfsNamespaces.Ows + "Exception").Single();
        Assert.Equal("InvalidParameterValue", (string?)exception.Attribute("exceptionCode"));
        Assert.Equal(locator, (string?)exception.Attribute("locator"));
    }

    [Theory]
    [MemberData(nameof(ForeignNames))]
    public async Task A_name_outside_the_feature_namespace_is_an_unknown_property(string place, string locator, string name)
    {
        var (status, body, _) = await RunAsync(Request(place, name));
        AssertUnknownProperty(status, body, locator);
    }

    [Theory]
    [MemberData(nameof(ServerNames))]
    public async Task A_name_in_the_feature_namespace_names_the_property(string place, string locator, string name)
    {
        var (status, body, source) = await RunAsync(Request(place, name));
        Assert.True(status == 200, body);
        var query = source.LastQuery!;
        switch (locator)
        {
            case "propertyName" or "valueReference":
                Assert.Equal(["mj"], query.Fields);
                break;
            case "sortBy":
                Assert.Equal([new SortKey("mj", true)], query.SortBy);
                break;
            default:
                Assert.Equal(new ComparisonFilter("mj", ComparisonOperator.Equal, FilterValue.OfReal(80)), query.Filter);
                break;
        }
    }

    [Theory]
    [InlineData("xmlns:gh=\"http://other\"", "gh:mj", 400)] // the filter's own declaration rebinds the server prefix
    [InlineData("xmlns:p=\"http://other\"", "p:mj", 400)]
    [InlineData("xmlns:p=\"" + Planning + "\"", "p:mj", 200)]
    public async Task A_filter_resolves_prefixes_by_its_own_declarations(string declaration, string reference, int expected)
    {
        string filter = FesEquals(reference).Replace("<fes:Filter ", "<fes:Filter " + declaration + " ", StringComparison.Ordinal);
        var (status, body, _) = await RunAsync(GetFeature + "&filter=" + Uri.EscapeDataString(filter));
        if (expected == 200)
            Assert.True(status == 200, body);
        else
            AssertUnknownProperty(status, body, "filter");
    }

    [Theory]
    [InlineData("other:geom", 400)]
    [InlineData("gh:geom", 200)]
    public async Task A_spatial_value_reference_is_checked_too(string reference, int expected)
    {
        string filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">"
            + $"<fes:BBOX><fes:ValueReference>{reference}</fes:ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4490\">"
            + "<gml:lowerCorner>40.8 118.6</gml:lowerCorner><gml:upperCorner>41.0 118.8</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>";
        var (status, body, _) = await RunAsync(GetFeature + "&filter=" + Uri.EscapeDataString(filter));
        if (expected == 200)
            Assert.True(status == 200, body);
        else
            AssertUnknownProperty(status, body, "filter");
    }

    /// <summary>A POST GetFeature on ghyd naming mj in every place, each with its own prefix declarations.</summary>
    private static string Post(string rootDeclarations, string propertyName, string sortBy, string valueReference, string filterDeclarations = "") => $"""
        <wfs:GetFeature service="WFS" version="2.0.0" count="1" xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0" {rootDeclarations}>
          <wfs:Query typeNames="gh:ghyd">
            <wfs:PropertyName>{propertyName}</wfs:PropertyName>
            <fes:Filter {filterDeclarations}><fes:PropertyIsGreaterThan><fes:ValueReference>{valueReference}</fes:ValueReference><fes:Literal>100</fes:Literal></fes:PropertyIsGreaterThan></fes:Filter>
            <fes:SortBy><fes:SortProperty><fes:ValueReference>{sortBy}</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy>
          </wfs:Query>
        </wfs:GetFeature>
        """;

    [Theory]
    [InlineData("xmlns:x=\"http://other\"", "x:mj", "mj", "mj", "propertyName")]
    [InlineData("xmlns:x=\"http://other\"", "mj", "x:mj", "mj", "sortBy")]
    [InlineData("xmlns:x=\"http://other\"", "mj", "mj", "x:mj", "filter")] // declared on the root, used inside the filter
    [InlineData("", "other:mj", "mj", "mj", "propertyName")] // undeclared
    [InlineData("", "mj", "mj", "{http://other}mj", "filter")]
    public async Task Post_refuses_property_names_outside_the_feature_namespace(string declarations, string propertyName, string sortBy, string valueReference, string locator)
    {
        var (status, body, _) = await RunAsync("", Post(declarations, propertyName, sortBy, valueReference));
        AssertUnknownProperty(status, body, locator);
    }

    [Fact]
    public async Task Post_resolves_a_prefix_where_it_is_used_not_where_the_type_name_is()
    {
        // typeNames uses gh from the root (the planning namespace); the PropertyName rebinds gh locally.
        string body = Post("xmlns:gh=\"" + Planning + "\"", "mj", "mj", "mj")
            .Replace("<wfs:PropertyName>mj", "<wfs:PropertyName xmlns:gh=\"http://other\">gh:mj", StringComparison.Ordinal);
        var (status, response, _) = await RunAsync("", body);
        AssertUnknownProperty(status, response, "propertyName");

        string filterRebinds = Post("xmlns:gh=\"" + Planning + "\"", "mj", "mj", "gh:mj", "xmlns:gh=\"http://other\"");
        (status, response, _) = await RunAsync("", filterRebinds);
        AssertUnknownProperty(status, response, "filter");
    }

    [Theory]
    [InlineData("xmlns:p=\"" + Planning + "\"", "p:mj")]
    [InlineData("xmlns:gh=\"" + Planning + "\"", "gh:mj")]
    [InlineData("", "gh:mj")] // undeclared: the server's own prefix
    [InlineData("xmlns:p=\"" + Planning + "\"", "p:ghyd/p:mj")]
    public async Task Post_reads_property_names_in_the_feature_namespace(string declarations, string name)
    {
        var (status, body, source) = await RunAsync("", Post(declarations, name, name, name));
        Assert.True(status == 200, body);
        var query = source.LastQuery!;
        Assert.Equal(["mj"], query.Fields);
        Assert.Equal([new SortKey("mj", true)], query.SortBy);
        Assert.Equal(new ComparisonFilter("mj", ComparisonOperator.Greater, FilterValue.OfReal(100)), query.Filter);
        var root = XElement.Parse(body);

        // The next link is a GET URL: the bindings travel with it (Clark notation, the filter's own xmlns).
        string next = (string?)root.Attribute("next") ?? throw new InvalidOperationException("no next link");
        var (nextStatus, nextBody, nextSource) = await RunAsync(new Uri(next).Query);
        Assert.True(nextStatus == 200, nextBody);
        Assert.Single(XElement.Parse(nextBody).Elements(WfsNamespaces.Wfs + "member"));
        Assert.Equal(query.Filter, nextSource.LastQuery!.Filter);
    }
}
