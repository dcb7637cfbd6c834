namespace TileServer.Protocols.Wfs.Tests;

using System.Xml.Linq;

/// <summary>GetCapabilities, DescribeFeatureType, stored query listings and exception reports through the
/// KVP endpoint (09-025r2 §8, §9, §14, §7.5).</summary>
public sealed class CapabilitiesTests
{
    private static readonly XNamespace Wfs = WfsNamespaces.Wfs;
    private static readonly XNamespace Ows = WfsNamespaces.Ows;
    private static readonly XNamespace Fes = WfsNamespaces.Fes;
    private static readonly XNamespace Xs = WfsNamespaces.Xs;

    private static async Task<XElement> GetXmlAsync(string query, int status = 200)
    {
        var (service, _) = WfsTestData.Create();
        var (code, _, body) = await WfsTestData.RunAsync(service, query);
        Assert.True(status == code, $"HTTP {code}: {body}");
        return XElement.Parse(body);
    }

    private static string Constraint(XElement parent, XNamespace ns, string name) =>
        parent.Elements(ns + "Constraint").Single(c => (string?)c.Attribute("name") == name).Element(Ows + "DefaultValue")!.Value;

    [Fact]
    public async Task Capabilities_state_the_conformance_classes_and_count_default_truthfully()
    {
        var root = await GetXmlAsync("?service=WFS&request=GetCapabilities");
        Assert.Equal(Wfs + "WFS_Capabilities", root.Name);
        Assert.Equal("2.0.0", (string?)root.Attribute("version"));
        Assert.Equal("WFS", root.Element(Ows + "ServiceIdentification")!.Element(Ows + "ServiceType")!.Value);
        var metadata = root.Element(Ows + "OperationsMetadata")!;
        Assert.Equal(["GetCapabilities", "DescribeFeatureType", "ListStoredQueries", "DescribeStoredQueries", "GetFeature", "GetPropertyValue"],
            metadata.Elements(Ows + "Operation").Select(o => (string?)o.Attribute("name")));
        Assert.Equal("TRUE", Constraint(metadata, Ows, "ImplementsBasicWFS"));
        Assert.Equal("FALSE", Constraint(metadata, Ows, "ImplementsTransactionalWFS"));
        Assert.Equal("TRUE", Constraint(metadata, Ows, "ImplementsResultPaging"));
        Assert.Equal("TRUE", Constraint(metadata, Ows, "KVPEncoding"));
        Assert.Equal("FALSE", Constraint(metadata, Ows, "SOAPEncoding"));
        Assert.Equal("1000", Constraint(metadata, Ows, "CountDefault"));
        var getFeature = metadata.Elements(Ows + "Operation").Single(o => (string?)o.Attribute("name") == "GetFeature");
        Assert.Equal("http://wfs.test/wfs", (string?)getFeature.Descendants(Ows + "Post").Single().Attribute(WfsNamespaces.XLink + "href"));
    }

    [Fact]
    public async Task Feature_types_offer_the_default_crs_as_urn_and_the_gauss_kruger_zones_of_their_extent()
    {
        var root = await GetXmlAsync("?SERVICE=wfs&REQUEST=getcapabilities&ACCEPTVERSIONS=2.0.0,1.1.0");
        var type = root.Element(Wfs + "FeatureTypeList")!.Element(Wfs + "FeatureType")!;
        Assert.Equal("gh:ghyd", type.Element(Wfs + "Name")!.Value);
        Assert.Equal("http://tileserver.cn/planning", root.GetNamespaceOfPrefix("gh")!.NamespaceName);
        Assert.Equal("urn:ogc:def:crs:EPSG::4490", type.Element(Wfs + "DefaultCRS")!.Value);
        // 118.70–118.75°E lies in 3-degree zone 40 (118.5–121.5°E, central meridian 120°E).
        Assert.Equal(["urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG::3857", "urn:ogc:def:crs:EPSG::4528", "urn:ogc:def:crs:EPSG::4549"],
            type.Elements(Wfs + "OtherCRS").Select(e => e.Value));
        var box = type.Element(Ows + "WGS84BoundingBox")!;
        Assert.Equal("118.7 40.9", box.Element(Ows + "LowerCorner")!.Value);
        Assert.Equal("118.75 40.91", box.Element(Ows + "UpperCorner")!.Value);
    }

    [Fact]
    public async Task Filter_capabilities_list_exactly_the_translated_operators()
    {
        var root = await GetXmlAsync("?service=WFS&request=GetCapabilities");
        var filter = root.Element(Fes + "Filter_Capabilities")!;
        Assert.Equal(
            ["PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan", "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo",
             "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike", "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween"],
            filter.Descendants(Fes + "ComparisonOperator").Select(o => (string?)o.Attribute("name")));
        Assert.Equal(["BBOX", "Intersects", "Within"], filter.Descendants(Fes + "SpatialOperator").Select(o => (string?)o.Attribute("name")));
        var conformance = filter.Element(Fes + "Conformance")!;
        Assert.Equal("TRUE", Constraint(conformance, Fes, "ImplementsResourceId"));
        Assert.Equal("TRUE", Constraint(conformance, Fes, "ImplementsSorting"));
        Assert.Equal("FALSE", Constraint(conformance, Fes, "ImplementsTemporalFilter"));
        Assert.NotNull(filter.Element(Fes + "Scalar_Capabilities")!.Element(Fes + "LogicalOperators"));
    }

    [Fact]
    public async Task DescribeFeatureType_is_a_gml_application_schema_with_typed_properties()
    {
        var schema = await GetXmlAsync("?service=WFS&version=2.0.0&request=DescribeFeatureType&typeNames=gh:ghyd");
        Assert.Equal(Xs + "schema", schema.Name);
        Assert.Equal("http://tileserver.cn/planning", (string?)schema.Attribute("targetNamespace"));
        Assert.Equal(WfsNamespaces.Gml.NamespaceName, (string?)schema.Element(Xs + "import")!.Attribute("namespace"));
        var extension = schema.Element(Xs + "complexType")!.Descendants(Xs + "extension").Single();
        Assert.Equal("gml:AbstractFeatureType", (string?)extension.Attribute("base"));
        var types = extension.Descendants(Xs + "element").ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Attribute("type")!);
        Assert.Equal("xs:string", types["bsm"]);
        Assert.Equal("xs:double", types["mj"]);
        Assert.Equal("xs:long", types["zs"]);
        Assert.Equal("gml:MultiSurfacePropertyType", types["geom"]);
        var element = schema.Elements(Xs + "element").Single();
        Assert.Equal("gml:AbstractFeature", (string?)element.Attribute("substitutionGroup"));
        Assert.Equal("gh:ghydType", (string?)element.Attribute("type"));
    }

    [Fact]
    public async Task Stored_queries_list_and_describe_GetFeatureById()
    {
        var list = await GetXmlAsync("?service=WFS&version=2.0.0&request=ListStoredQueries");
        Assert.Equal("urn:ogc:def:query:OGC-WFS::GetFeatureById", (string?)list.Element(Wfs + "StoredQuery")!.Attribute("id"));
        var describe = await GetXmlAsync("?service=WFS&version=2.0.0&request=DescribeStoredQueries&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById");
        Assert.Equal("ID", (string?)describe.Descendants(Wfs + "Parameter").Single().Attribute("name"));
    }

    [Theory]
    [InlineData("?request=GetCapabilities", 400, "MissingParameterValue", "service")]
    [InlineData("?service=WMS&request=GetCapabilities", 400, "InvalidParameterValue", "service")]
    [InlineData("?service=WFS", 400, "MissingParameterValue", "request")]
    [InlineData("?service=WFS&request=GetCapabilities&acceptVersions=1.1.0", 400, "VersionNegotiationFailed", "acceptVersions")]
    [InlineData("?service=WFS&request=GetFeature&typeNames=ghyd", 400, "MissingParameterValue", "version")]
    [InlineData("?service=WFS&version=1.1.0&request=GetFeature&typeNames=ghyd", 400, "InvalidParameterValue", "version")]
    [InlineData("?service=WFS&version=2.0.0&request=Transaction", 501, "OperationNotSupported", "request")]
    [InlineData("?service=WFS&version=2.0.0&request=DescribeFeatureType&typeNames=nope", 400, "InvalidParameterValue", "typeNames")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:nope", 400, "InvalidParameterValue", "typeNames")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature", 400, "MissingParameterValue", "typeNames")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&count=-1", 400, "InvalidParameterValue", "count")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&startIndex=x", 400, "InvalidParameterValue", "startIndex")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&srsName=EPSG:2000", 400, "InvalidParameterValue", "srsName")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&bbox=1,2,3", 400, "InvalidParameterValue", "bbox")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&bbox=-1e12,-1e12,1e12,1e12,EPSG:4549", 400, "InvalidParameterValue", "bbox")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&bbox=-180,-90,180,90", 400, "InvalidParameterValue", "bbox")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&outputFormat=shape-zip", 400, "InvalidParameterValue", "outputFormat")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&propertyName=secret", 400, "InvalidParameterValue", "propertyName")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&sortBy=secret", 400, "InvalidParameterValue", "sortBy")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&sortBy=mj+UP", 400, "InvalidParameterValue", "sortBy")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&resourceId=xzq.1", 400, "InvalidParameterValue", "resourceId")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&filter=%3Cfes:Filter", 400, "OperationParsingFailed", "filter")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&typeNames=ghyd&bbox=1,2,3,4&resourceId=ghyd.1", 400, "InvalidParameterValue", "bbox")]
    [InlineData("?service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:x", 400, "InvalidParameterValue", "storedQuery_Id")]
    [InlineData("?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=ghyd", 400, "MissingParameterValue", "valueReference")]
    [InlineData("?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=ghyd&valueReference=secret", 400, "InvalidParameterValue", "valueReference")]
    // GetPropertyValue answers a wfs:ValueCollection only; asking for JSON silently gave XML. outputFormat is a
    // standard presentation parameter (09-025r2 §7.6.3); a value not offered is InvalidParameterValue (06-121r3 Table 25).
    [InlineData("?service=WFS&version=2.0.0&request=GetPropertyValue&typeNames=ghyd&valueReference=mj&outputFormat=application/json", 400, "InvalidParameterValue", "outputFormat")]
    public async Task Bad_requests_get_an_exception_report_with_code_and_locator(string query, int status, string code, string locator)
    {
        var report = await GetXmlAsync(query, status);
        Assert.Equal(Ows + "ExceptionReport", report.Name);
        Assert.Equal("2.0.0", (string?)report.Attribute("version"));
        var exception = report.Element(Ows + "Exception")!;
        Assert.Equal(code, (string?)exception.Attribute("exceptionCode"));
        Assert.Equal(locator, (string?)exception.Attribute("locator"), StringComparer.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(exception.Element(Ows + "ExceptionText")!.Value));
    }
}
