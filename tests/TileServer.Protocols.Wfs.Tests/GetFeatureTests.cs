namespace TileServer.Protocols.Wfs.Tests;

using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using TileServer.Core.Features.Filtering;
using SortKey = TileServer.Core.Features.Filtering.SortKey;

/// <summary>GetFeature and GetPropertyValue output (09-025r2 §11, §10): the GML 3.2 feature collection with
/// numberMatched/numberReturned/next/previous, axis order per srsName form, GeoJSON, hits, the
/// GetFeatureById stored query and the XML POST encoding.</summary>
public sealed class GetFeatureTests
{
    private const string Base = "?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:ghyd";
    private static readonly XNamespace Wfs = WfsNamespaces.Wfs;
    private static readonly XNamespace Gml = WfsNamespaces.Gml;
    private static readonly XNamespace Gh = "http://tileserver.cn/planning";

    private static async Task<XElement> GmlAsync(string query)
    {
        var (service, _) = WfsTestData.Create();
        var (status, type, body) = await WfsTestData.RunAsync(service, query);
        Assert.True(status == 200, body);
        Assert.StartsWith("application/gml+xml; version=3.2", type, StringComparison.Ordinal);
        return XElement.Parse(body);
    }

    private static double[] FirstPosition(XElement feature) =>
        feature.Descendants(Gml + "posList").First().Value.Split(' ').Take(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task Gml_collection_carries_counts_links_ids_and_values()
    {
        var root = await GmlAsync(Base + "&count=1&startIndex=1");
        Assert.Equal(Wfs + "FeatureCollection", root.Name);
        Assert.Equal("3", (string?)root.Attribute("numberMatched"));
        Assert.Equal("1", (string?)root.Attribute("numberReturned"));
        Assert.True(DateTime.TryParse((string?)root.Attribute("timeStamp"), CultureInfo.InvariantCulture, out _));
        Assert.Contains("startIndex=2", (string?)root.Attribute("next"), StringComparison.Ordinal);
        Assert.Contains("startIndex=0", (string?)root.Attribute("previous"), StringComparison.Ordinal);
        Assert.StartsWith("http://wfs.test/wfs?", (string?)root.Attribute("next"), StringComparison.Ordinal);
        var feature = root.Element(Wfs + "member")!.Element(Gh + "ghyd")!;
        Assert.Equal("ghyd.2", (string?)feature.Attribute(Gml + "id"));
        Assert.Equal("2", feature.Element(Gh + "bsm")!.Value);
        Assert.Equal("城镇住宅用地 <&>", feature.Element(Gh + "ydyhflmc")!.Value);
        Assert.Equal("80", feature.Element(Gh + "mj")!.Value);
        Assert.Null(feature.Element(Gh + "zs")); // NULL: left out (minOccurs 0)
        var surface = feature.Element(Gh + "geom")!.Element(Gml + "MultiSurface")!;
        Assert.Equal("urn:ogc:def:crs:EPSG::4490", (string?)surface.Attribute("srsName"));
        Assert.Equal("ghyd.2.geom.1", (string?)surface.Descendants(Gml + "Polygon").Single().Attribute(Gml + "id"));
    }

    [Fact]
    public async Task Last_page_has_no_next_and_first_page_no_previous()
    {
        var root = await GmlAsync(Base + "&count=2&startIndex=2");
        Assert.Equal("1", (string?)root.Attribute("numberReturned"));
        Assert.Null(root.Attribute("next"));
        Assert.Single(root.Elements(Wfs + "member"));
        var first = await GmlAsync(Base + "&count=2");
        Assert.Null(first.Attribute("previous"));
        Assert.NotNull(first.Attribute("next"));
    }

    [Theory]
    [InlineData("", 40.90, 118.72)] // default: urn:ogc:def:crs:EPSG::4490, latitude first
    [InlineData("&srsName=urn:ogc:def:crs:EPSG::4490", 40.90, 118.72)]
    [InlineData("&srsName=http://www.opengis.net/def/crs/EPSG/0/4326", 40.90, 118.72)]
    [InlineData("&srsName=EPSG:4490", 118.72, 40.90)]
    public async Task Axis_order_follows_the_srsName_form(string srs, double first, double second)
    {
        var root = await GmlAsync(Base + "&count=1&startIndex=1" + srs);
        var position = FirstPosition(root);
        Assert.Equal(first, position[0], 1e-9);
        Assert.Equal(second, position[1], 1e-9);
    }

    [Fact]
    public async Task Gauss_kruger_output_is_in_metres_northing_first_for_the_urn()
    {
        // EPSG:4549 (CM 120°E): 118.72°E, 40.90°N is about 108 km west of the central meridian.
        var urn = FirstPosition(await GmlAsync(Base + "&count=1&startIndex=1&srsName=urn:ogc:def:crs:EPSG::4549"));
        var shortForm = FirstPosition(await GmlAsync(Base + "&count=1&startIndex=1&srsName=EPSG:4549"));
        Assert.InRange(urn[0], 4_520_000, 4_540_000);
        Assert.InRange(urn[1], 390_000, 395_000);
        Assert.Equal(urn[0], shortForm[1]);
        Assert.Equal(urn[1], shortForm[0]);
    }

    [Fact]
    public async Task Hits_return_only_the_count()
    {
        var root = await GmlAsync(Base + "&resultType=hits");
        Assert.Equal("3", (string?)root.Attribute("numberMatched"));
        Assert.Equal("0", (string?)root.Attribute("numberReturned"));
        Assert.Empty(root.Elements());
    }

    [Fact]
    public async Task Count_is_capped_at_the_configured_maximum()
    {
        var (service, source) = WfsTestData.Create();
        var (_, _, body) = await WfsTestData.RunAsync(service, Base + "&count=500", options: new WfsOptions { MaxCount = 2, DefaultCount = 1 });
        Assert.Equal("2", (string?)XElement.Parse(body).Attribute("numberReturned"));
        Assert.Equal(2, source.LastQuery!.Limit);
        await WfsTestData.RunAsync(service, Base, options: new WfsOptions { MaxCount = 2, DefaultCount = 1 });
        Assert.Equal(1, source.LastQuery!.Limit);
    }

    [Fact]
    public async Task Json_output_is_geojson_with_counts_and_string_ids()
    {
        var (service, _) = WfsTestData.Create();
        var (status, type, body) = await WfsTestData.RunAsync(service, Base + "&outputFormat=application/json&srsName=EPSG:4490&count=2");
        Assert.Equal(200, status);
        Assert.StartsWith("application/geo+json", type, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("numberMatched").GetInt32());
        Assert.Equal(2, root.GetProperty("numberReturned").GetInt32());
        var feature = root.GetProperty("features")[0];
        Assert.Equal("ghyd.1", feature.GetProperty("id").GetString());
        Assert.Equal(118.70, feature.GetProperty("geometry").GetProperty("coordinates")[0][0][0][0].GetDouble(), 1e-9);
        Assert.Equal("next", root.GetProperty("links")[0].GetProperty("rel").GetString());
    }

    /// <summary>RFC 7946 §3.1.1 puts longitude (easting) first in every GeoJSON position, whatever form the
    /// srsName took: the latitude-first order of the URN/URI forms belongs to GML (09-025r2 §7.9.2.4.4). The
    /// default CRS is a URN, so a plain outputFormat=application/json request gave [lat, lon], which GDAL and
    /// browsers read as a latitude of 118°.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("&srsName=urn:ogc:def:crs:EPSG::4490")]
    [InlineData("&srsName=http://www.opengis.net/def/crs/EPSG/0/4326")]
    public async Task Json_output_is_longitude_first_for_every_crs_form(string srsName)
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, Base + "&outputFormat=application/json&count=1" + srsName);
        Assert.Equal(200, status);
        using var json = JsonDocument.Parse(body);
        var position = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        Assert.Equal(118.70, position[0].GetDouble(), 1e-9);
        Assert.Equal(40.90, position[1].GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Json_output_in_a_gauss_krueger_urn_is_easting_first_and_names_its_crs()
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, Base + "&outputFormat=application/json&count=1&srsName=urn:ogc:def:crs:EPSG::4549");
        Assert.Equal(200, status);
        using var json = JsonDocument.Parse(body);
        var position = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        Assert.InRange(position[0].GetDouble(), 300_000, 600_000); // easting of zone 40 without the zone prefix
        Assert.InRange(position[1].GetDouble(), 4_400_000, 4_600_000);
        Assert.Equal("EPSG:4549", json.RootElement.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Parameters_reach_the_source_translated()
    {
        var (service, source) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service,
            Base + "&propertyName=gh:mj,geom&sortBy=gh:mj+DESC,bsm&bbox=40.8,118.6,41.0,118.8&startIndex=1");
        Assert.Equal(200, status);
        var query = source.LastQuery!;
        Assert.Equal(["mj"], query.Fields);
        Assert.Equal([new SortKey("mj", true), new SortKey("bsm")], query.SortBy);
        Assert.Equal(1, query.Offset);
        var bbox = Assert.IsType<SpatialFilter>(query.Filter);
        Assert.Equal(SpatialOperator.BBox, bbox.Operator);
        Assert.Equal(118.6, bbox.Envelope.MinX, 1e-12); // urn default CRS: the KVP bbox was latitude first
        Assert.Equal(40.8, bbox.Envelope.MinY, 1e-12);
        var feature = XElement.Parse(body).Element(Wfs + "member")!.Elements().Single();
        Assert.Equal(["mj", "geom"], feature.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Bbox_with_a_crs_uses_that_crs_axis_order()
    {
        var (service, source) = WfsTestData.Create();
        await WfsTestData.RunAsync(service, Base + "&bbox=118.6,40.8,118.8,41.0,EPSG:4490");
        Assert.Equal(118.6, ((SpatialFilter)source.LastQuery!.Filter!).Envelope.MinX, 1e-12);
        await WfsTestData.RunAsync(service, Base + "&bbox=4520000,390000,4540000,400000,urn:ogc:def:crs:EPSG::4549");
        var envelope = ((SpatialFilter)source.LastQuery!.Filter!).Envelope;
        Assert.InRange(envelope.MinX, 118.6, 118.8);
        Assert.InRange(envelope.MinY, 40.7, 41.0);
    }

    [Fact]
    public async Task Resource_ids_become_an_id_filter()
    {
        var (service, source) = WfsTestData.Create();
        await WfsTestData.RunAsync(service, "?service=WFS&version=2.0.0&request=GetFeature&resourceId=ghyd.3,ghyd.1");
        Assert.Equal([3L, 1L], Assert.IsType<IdFilter>(source.LastQuery!.Filter).Fids);
    }

    [Fact]
    public async Task GetFeatureById_returns_the_bare_feature()
    {
        var (service, source) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service,
            "?service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=ghyd.1");
        Assert.Equal(200, status);
        var root = XElement.Parse(body);
        Assert.Equal(Gh + "ghyd", root.Name);
        Assert.Equal("ghyd.1", (string?)root.Attribute(Gml + "id"));
        Assert.Equal([1L], Assert.IsType<IdFilter>(source.LastQuery!.Filter).Fids);
    }

    [Fact]
    public async Task GetFeatureById_of_an_unknown_layer_is_invalid()
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service,
            "?service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=nope.1");
        Assert.Equal(400, status);
        Assert.Contains("locator=\"id\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPropertyValue_returns_a_value_collection()
    {
        var (service, source) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, "?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=ghyd&valueReference=mj");
        Assert.Equal(200, status);
        var root = XElement.Parse(body);
        Assert.Equal(Wfs + "ValueCollection", root.Name);
        Assert.Equal(["1200.5", "80", "90000"], root.Elements(Wfs + "member").Select(m => m.Value));
        Assert.Equal(["mj"], source.LastQuery!.Fields);
    }

    [Fact]
    public async Task GetPropertyValue_of_the_geometry_gives_gml_geometries_in_the_requested_crs()
    {
        var (service, source) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service,
            "?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=ghyd&valueReference=gh:geom&count=1&srsName=EPSG:4490");
        Assert.Equal(200, status);
        var member = XElement.Parse(body).Element(Wfs + "member")!;
        Assert.Equal("EPSG:4490", (string?)member.Element(Gml + "MultiSurface")!.Attribute("srsName"));
        Assert.StartsWith("118.7 40.9", member.Descendants(Gml + "posList").Single().Value, StringComparison.Ordinal);
        Assert.Empty(source.LastQuery!.Fields);
    }

    [Fact]
    public async Task Post_xml_get_feature_is_read_like_kvp()
    {
        var (service, source) = WfsTestData.Create();
        // OWSLib writes typenames and outputformat in lower case: read leniently.
        const string Body = """
            <wfs:GetFeature service="WFS" version="2.0.0" count="1" startIndex="1" outputformat="application/gml+xml; version=3.2" xmlns:wfs="http://www.opengis.net/wfs/2.0"
                xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gh="http://tileserver.cn/planning">
              <wfs:Query typenames="gh:ghyd" srsName="EPSG:4490">
                <wfs:PropertyName>gh:bsm</wfs:PropertyName>
                <fes:Filter><fes:PropertyIsGreaterThan><fes:ValueReference>gh:mj</fes:ValueReference><fes:Literal>100</fes:Literal></fes:PropertyIsGreaterThan></fes:Filter>
                <fes:SortBy><fes:SortProperty><fes:ValueReference>mj</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy>
              </wfs:Query>
            </wfs:GetFeature>
            """;
        var (status, _, body) = await WfsTestData.RunAsync(service, "", Body);
        Assert.True(status == 200, body);
        var query = source.LastQuery!;
        Assert.Equal(["bsm"], query.Fields);
        Assert.Equal([new SortKey("mj", true)], query.SortBy);
        var filter = Assert.IsType<ComparisonFilter>(query.Filter);
        Assert.Equal(new ComparisonFilter("mj", ComparisonOperator.Greater, FilterValue.OfReal(100)), filter);
        var root = XElement.Parse(body);
        Assert.Contains("FILTER=", ((string?)root.Attribute("next"))!.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Empty(root.Descendants(Gml + "posList")); // geometry not among the property names
    }

    [Fact]
    public async Task Post_of_another_operation_is_not_supported()
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, "", "<wfs:Transaction xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"/>");
        Assert.Equal(501, status);
        Assert.Contains("OperationNotSupported", body, StringComparison.Ordinal);
        (status, _, body) = await WfsTestData.RunAsync(service, "", "<wfs:GetFeature");
        Assert.Equal(400, status);
        Assert.Contains("OperationParsingFailed", body, StringComparison.Ordinal);
    }

    /// <summary>A DOCTYPE has no place in a WFS request (the schemas are XSD), and its entities let a few hundred
    /// bytes expand to megabytes per request (an entity-expansion attack bounded only by .NET's 10 million
    /// character limit). Both the POST body and the KVP filter refuse it as OperationParsingFailed.</summary>
    [Fact]
    public async Task Documents_with_a_dtd_are_refused()
    {
        const string Dtd = "<!DOCTYPE x [<!ENTITY a \"ghyd\">]>";
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, "", Dtd
            + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"&a;\"/></wfs:GetFeature>");
        Assert.Equal(400, status);
        Assert.Contains("OperationParsingFailed", body, StringComparison.Ordinal);

        string filter = Uri.EscapeDataString(Dtd + "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
            + "<fes:ValueReference>bsm</fes:ValueReference><fes:Literal>&a;</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>");
        (status, _, body) = await WfsTestData.RunAsync(service, Base + "&filter=" + filter);
        Assert.Equal(400, status);
        Assert.Contains("OperationParsingFailed", body, StringComparison.Ordinal);
    }
}
