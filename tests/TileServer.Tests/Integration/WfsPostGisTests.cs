namespace TileServer.Tests.Integration;

using System.Globalization;
using System.Net;
using System.Xml.Linq;
using TileServer.Core.Crs;
using TileServer.Tests.Support;

/// <summary>WFS 2.0 over the sample imported into a real PostGIS: counts, FES filters, BBOX, sorted paging,
/// ResourceId and Gauss-Krüger output agree with the source data, as they do on the GeoPackage.</summary>
public sealed class WfsPostGisTests(PostGisServerFixture postgis) : IClassFixture<PostGisServerFixture>
{
    private const string GetFeature = "/wfs?service=WFS&version=2.0.0&request=GetFeature";
    private static readonly XNamespace Wfs = "http://www.opengis.net/wfs/2.0";
    private static readonly XNamespace Gml = "http://www.opengis.net/gml/3.2";
    private static readonly XNamespace Gh = "http://tileserver.cn/planning";

    private async Task<XElement> GetXmlAsync(string url)
    {
        using var client = postgis.CreateClient();
        using var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return XElement.Parse(body);
    }

    private static long Matched(XElement root) => long.Parse((string)root.Attribute("numberMatched")!, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("xzq")]
    [InlineData("stbhhx")]
    [InlineData("czkfbj")]
    public async Task Hits_match_the_source(string layer)
    {
        var root = await GetXmlAsync($"{GetFeature}&typeNames=gh:{layer}&resultType=hits");
        Assert.Equal(SharedSample.Dataset.Layer(layer).Features.Count, Matched(root));
    }

    [Fact]
    public async Task Filters_and_bbox_are_answered_by_postgis()
    {
        var source = SharedSample.Dataset.Layer("stbhhx");
        int mj = source.Schema.Fields.ToList().FindIndex(f => f.Name == "mj");
        long expected = source.Features.Count(f => f.Values[mj] is double v && v > 1_000_000);
        string filter = Uri.EscapeDataString("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsGreaterThan>" +
            "<fes:ValueReference>mj</fes:ValueReference><fes:Literal>1000000</fes:Literal></fes:PropertyIsGreaterThan></fes:Filter>");
        Assert.Equal(expected, Matched(await GetXmlAsync($"{GetFeature}&typeNames=gh:stbhhx&resultType=hits&filter={filter}")));

        var latFirst = await GetXmlAsync($"{GetFeature}&typeNames=gh:xzq&bbox=40.9,118.6,41.0,118.8&propertyName=xzqmc");
        Assert.Equal(["平泉市"], latFirst.Descendants(Gh + "xzqmc").Select(e => e.Value));
    }

    [Fact]
    public async Task Sorted_pages_cover_the_layer_once()
    {
        var ids = new List<string>();
        string? next = $"{GetFeature}&typeNames=gh:czkfbj&count=30&sortBy=bsm+DESC&propertyName=bsm";
        while (next is not null)
        {
            var page = await GetXmlAsync(next);
            ids.AddRange(page.Elements(Wfs + "member").Select(m => (string)m.Elements().Single().Attribute(Gml + "id")!));
            next = (string?)page.Attribute("next");
        }

        Assert.Equal(SharedSample.Dataset.Layer("czkfbj").Features.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Resource_id_in_a_gauss_kruger_zone_gives_millimetre_coordinates()
    {
        var feature = (await GetXmlAsync($"{GetFeature}&resourceId=xzq.1&srsName=urn:ogc:def:crs:EPSG::4549")).Descendants(Gh + "xzq").Single();
        Assert.Equal("平泉市", feature.Element(Gh + "xzqmc")!.Value);
        var position = feature.Descendants(Gml + "posList").First().Value.Split(' ').Take(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var lonLat = SharedSample.Dataset.Layer("xzq").Features[0].Geometry.Coordinates[0];
        var (easting, northing) = CrsTransformer.FromStorage(CrsRegistry.FindEpsg(4549)!).Transform(lonLat.X, lonLat.Y);
        Assert.Equal(northing, position[0], 1e-3);
        Assert.Equal(easting, position[1], 1e-3);
    }
}
