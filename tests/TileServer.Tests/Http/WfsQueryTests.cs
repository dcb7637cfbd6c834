namespace TileServer.Tests.Http;

using System.Globalization;
using System.Net;
using System.Xml.Linq;
using TileServer.Tests.Support;

/// <summary>WFS queries the sources translate into SQL, over HTTP on the sample GeoPackage: FES filters,
/// BBOX in either axis order, ResourceId, sorting, paging through next links, GetFeatureById and
/// GetPropertyValue. Expected numbers come from the generated sample itself.</summary>
public sealed class WfsQueryTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private const string GetFeature = "service=WFS&version=2.0.0&request=GetFeature";
    private static readonly XNamespace Wfs = "http://www.opengis.net/wfs/2.0";
    private static readonly XNamespace Gml = "http://www.opengis.net/gml/3.2";
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";
    private static readonly XNamespace Gh = "http://tileserver.cn/planning";

    private async Task<XElement> GetXmlAsync(string pathAndQuery, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(pathAndQuery.StartsWith("http", StringComparison.Ordinal) ? pathAndQuery : "/wfs?" + pathAndQuery);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        return XElement.Parse(body);
    }

    private static long Matched(XElement collection) => long.Parse((string)collection.Attribute("numberMatched")!, CultureInfo.InvariantCulture);

    private static string Fes(string predicate) =>
        Uri.EscapeDataString($"<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\">{predicate}</fes:Filter>");

    [Fact]
    public async Task Fes_comparison_selects_the_matching_feature()
    {
        var root = await GetXmlAsync($"{GetFeature}&typeNames=gh:xzq&filter=" +
            Fes("<fes:PropertyIsEqualTo><fes:ValueReference>xzqmc</fes:ValueReference><fes:Literal>二连浩特市</fes:Literal></fes:PropertyIsEqualTo>"));
        Assert.Equal(1, Matched(root));
        Assert.Equal("152501", root.Descendants(Gh + "xzqdm").Single().Value);
    }

    [Fact]
    public async Task Numeric_filter_counts_match_the_source()
    {
        var source = SharedSample.Dataset.Layer("stbhhx");
        int mj = source.Schema.Fields.ToList().FindIndex(f => f.Name == "mj");
        long expected = source.Features.Count(f => f.Values[mj] is double v && v > 1_000_000);
        var root = await GetXmlAsync($"{GetFeature}&typeNames=gh:stbhhx&resultType=hits&filter=" +
            Fes("<fes:PropertyIsGreaterThan><fes:ValueReference>mj</fes:ValueReference><fes:Literal>1000000</fes:Literal></fes:PropertyIsGreaterThan>"));
        Assert.Equal(expected, Matched(root));
    }

    [Fact]
    public async Task Bbox_gives_the_same_features_in_either_axis_order()
    {
        var latFirst = await GetXmlAsync($"{GetFeature}&typeNames=gh:yjjbnt&resultType=hits&bbox=40.9,118.6,41.0,118.8");
        var lonFirst = await GetXmlAsync($"{GetFeature}&typeNames=gh:yjjbnt&resultType=hits&bbox=118.6,40.9,118.8,41.0,EPSG:4490");
        var fes = await GetXmlAsync($"{GetFeature}&typeNames=gh:yjjbnt&resultType=hits&filter=" +
            Fes("<fes:BBOX><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:lowerCorner>40.9 118.6</gml:lowerCorner><gml:upperCorner>41.0 118.8</gml:upperCorner></gml:Envelope></fes:BBOX>"));
        Assert.InRange(Matched(latFirst), 1, SharedSample.Dataset.Layer("yjjbnt").Features.Count - 1);
        Assert.Equal(Matched(latFirst), Matched(lonFirst));
        Assert.Equal(Matched(latFirst), Matched(fes));
    }

    [Fact]
    public async Task Paging_through_next_links_returns_every_feature_once_in_sort_order()
    {
        var ids = new List<string>();
        var areas = new List<double>();
        string? next = $"{GetFeature}&typeNames=gh:czkfbj&count=40&sortBy=mj+DESC&propertyName=mj";
        while (next is not null)
        {
            var page = await GetXmlAsync(next);
            foreach (var feature in page.Elements(Wfs + "member").Select(m => m.Elements().Single()))
            {
                ids.Add((string)feature.Attribute(Gml + "id")!);
                areas.Add(double.Parse(feature.Element(Gh + "mj")!.Value, CultureInfo.InvariantCulture));
            }

            next = (string?)page.Attribute("next");
        }

        Assert.Equal(SharedSample.Dataset.Layer("czkfbj").Features.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(areas.OrderByDescending(a => a), areas);
    }

    [Fact]
    public async Task Resource_ids_and_GetFeatureById()
    {
        var byIds = await GetXmlAsync($"{GetFeature}&resourceId=xzq.2");
        Assert.Equal("xzq.2", (string?)byIds.Descendants(Gh + "xzq").Single().Attribute(Gml + "id"));
        var bare = await GetXmlAsync($"{GetFeature}&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=xzq.1");
        Assert.Equal("平泉市", bare.Element(Gh + "xzqmc")!.Value);
        var missing = await GetXmlAsync($"{GetFeature}&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=xzq.99", HttpStatusCode.NotFound);
        Assert.Equal("NotFound", (string?)missing.Element(Ows + "Exception")!.Attribute("exceptionCode"));
    }

    /// <summary>A POST fes:Or of 1,200 PropertyIsEqualTo on one property (a list of land-use codes) runs as one IN list;
    /// 1,200 other comparisons exceed the filter's cap and are a client error, not SQLite's "expression tree too large".</summary>
    [Fact]
    public async Task A_posted_or_of_many_equalities_runs_and_of_many_ranges_is_refused()
    {
        var codes = new[] { "0101", "0103", "1207" }.Concat(Enumerable.Range(0, 1197).Select(i => $"x{i}")).ToArray();
        var layer = SharedSample.Dataset.Layer("ghyd");
        int code = layer.Schema.Fields.ToList().FindIndex(f => f.Name == "ydyhfldm");
        long expected = layer.Features.Count(f => f.Values[code] is string c && codes.Contains(c));
        Assert.True(expected > 0);

        var equalities = await PostHitsAsync(string.Concat(codes.Select(c =>
            $"<fes:PropertyIsEqualTo><fes:ValueReference>ydyhfldm</fes:ValueReference><fes:Literal>{c}</fes:Literal></fes:PropertyIsEqualTo>")), HttpStatusCode.OK);
        Assert.Equal(expected, Matched(equalities));

        var ranges = await PostHitsAsync(string.Concat(codes.Select(c =>
            $"<fes:PropertyIsGreaterThan><fes:ValueReference>ydyhfldm</fes:ValueReference><fes:Literal>{c}</fes:Literal></fes:PropertyIsGreaterThan>")), HttpStatusCode.BadRequest);
        Assert.Equal("InvalidParameterValue", (string?)ranges.Element(Ows + "Exception")!.Attribute("exceptionCode"));
    }

    private async Task<XElement> PostHitsAsync(string orOperands, HttpStatusCode status)
    {
        var body = "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" resultType=\"hits\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" " +
            "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gh=\"http://tileserver.cn/planning\"><wfs:Query typeNames=\"gh:ghyd\">" +
            $"<fes:Filter><fes:Or>{orOperands}</fes:Or></fes:Filter></wfs:Query></wfs:GetFeature>";
        using var client = server.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/xml");
        using var response = await client.PostAsync("/wfs", content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        return XElement.Parse(text);
    }

    [Fact]
    public async Task GetPropertyValue_lists_the_values()
    {
        var values = await GetXmlAsync("service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=gh:xzq&valueReference=xzqmc&sortBy=xzqdm+DESC");
        Assert.Equal(["二连浩特市", "平泉市"], values.Elements(Wfs + "member").Select(m => m.Value));
    }
}
