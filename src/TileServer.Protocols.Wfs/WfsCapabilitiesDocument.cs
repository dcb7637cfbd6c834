namespace TileServer.Protocols.Wfs;

using System.Globalization;
using System.Xml.Linq;
using TileServer.Core.Layers;

/// <summary>The WFS 2.0.0 capabilities document (09-025r2 §8): OWS 1.1 service identification, provider and
/// operations metadata with the conformance constraints of Table 13 stated truthfully, the feature type list
/// and the FES 2.0 filter capabilities (09-026r2 §7.14) naming exactly the operators the parser translates.</summary>
public static class WfsCapabilitiesDocument
{
    public const string ContentType = "application/xml; charset=utf-8";

    private static readonly XNamespace Wfs = WfsNamespaces.Wfs;
    private static readonly XNamespace Ows = WfsNamespaces.Ows;
    private static readonly XNamespace Fes = WfsNamespaces.Fes;
    private static readonly XNamespace XLink = WfsNamespaces.XLink;

    /// <summary>The operations served, each with its HTTP methods.</summary>
    public static readonly IReadOnlyList<(string Name, bool Post)> Operations =
    [
        ("GetCapabilities", false), ("DescribeFeatureType", false), ("ListStoredQueries", false),
        ("DescribeStoredQueries", false), ("GetFeature", true), ("GetPropertyValue", false),
    ];

    public static readonly string[] ComparisonOperators =
    [
        "PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan", "PropertyIsGreaterThan",
        "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike", "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween",
    ];

    public static readonly string[] SpatialOperators = ["BBOX", "Intersects", "Within"];

    public static readonly string[] GeometryOperands =
        ["gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon", "gml:MultiPoint", "gml:MultiCurve", "gml:MultiSurface"];

    /// <param name="endpoint">Absolute URL of the /wfs endpoint.</param>
    public static XDocument Build(IReadOnlyList<PublishedLayer> layers, string endpoint, WfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        XNamespace app = options.FeatureNamespace;
        var root = new XElement(Wfs + "WFS_Capabilities",
            new XAttribute("version", "2.0.0"),
            new XAttribute(XNamespace.Xmlns + "wfs", Wfs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "ows", Ows.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "fes", Fes.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "gml", WfsNamespaces.Gml.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xlink", XLink.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", WfsNamespaces.Xsi.NamespaceName),
            new XAttribute(XNamespace.Xmlns + options.FeatureNamespacePrefix, app.NamespaceName),
            new XAttribute(WfsNamespaces.Xsi + "schemaLocation", WfsNamespaces.WfsSchemaLocation),
            ServiceIdentification(options),
            new XElement(Ows + "ServiceProvider",
                new XElement(Ows + "ProviderName", options.ProviderName),
                new XElement(Ows + "ServiceContact")),
            OperationsMetadata(endpoint, options),
            new XElement(Wfs + "FeatureTypeList", layers.Select(layer => FeatureType(layer, options))),
            FilterCapabilities());
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
    }

    private static XElement ServiceIdentification(WfsOptions options) =>
        new(Ows + "ServiceIdentification",
            new XElement(Ows + "Title", options.Title),
            new XElement(Ows + "Abstract", options.Abstract),
            new XElement(Ows + "Keywords",
                new XElement(Ows + "Keyword", "三条控制线"), new XElement(Ows + "Keyword", "用地用海"), new XElement(Ows + "Keyword", "WFS")),
            new XElement(Ows + "ServiceType", new XAttribute("codeSpace", "OGC"), "WFS"),
            new XElement(Ows + "ServiceTypeVersion", "2.0.0"),
            new XElement(Ows + "Fees", "NONE"),
            new XElement(Ows + "AccessConstraints", "NONE"));

    private static XElement OperationsMetadata(string endpoint, WfsOptions options)
    {
        var metadata = new XElement(Ows + "OperationsMetadata");
        foreach (var (name, post) in Operations)
        {
            var http = new XElement(Ows + "HTTP", new XElement(Ows + "Get", new XAttribute(XLink + "href", endpoint + "?")));
            if (post)
                http.Add(new XElement(Ows + "Post", new XAttribute(XLink + "href", endpoint)));
            var operation = new XElement(Ows + "Operation", new XAttribute("name", name), new XElement(Ows + "DCP", http));
            switch (name)
            {
                case "GetCapabilities":
                    operation.Add(Parameter("AcceptVersions", "2.0.0"), Parameter("AcceptFormats", "text/xml"));
                    break;
                case "DescribeFeatureType":
                    operation.Add(Parameter("outputFormat", WfsFeatureTypes.GmlFormat));
                    break;
                case "GetFeature":
                    operation.Add(Parameter("outputFormat", WfsFeatureTypes.GmlFormat, WfsFeatureTypes.JsonFormat), Parameter("resultType", "results", "hits"));
                    break;
                case "GetPropertyValue":
                    operation.Add(Parameter("resolve", "none"));
                    break;
            }

            metadata.Add(operation);
        }

        metadata.Add(Parameter("version", "2.0.0"));
        // 09-025r2 Table 13. Basic WFS = simple (stored queries, GetFeatureById) + ad hoc queries + GetPropertyValue.
        foreach (var (name, value) in new[]
        {
            ("ImplementsBasicWFS", true), ("ImplementsTransactionalWFS", false), ("ImplementsLockingWFS", false),
            ("KVPEncoding", true), ("XMLEncoding", true), ("SOAPEncoding", false), ("ImplementsInheritance", false),
            ("ImplementsRemoteResolve", false), ("ImplementsResultPaging", true), ("ImplementsStandardJoins", false),
            ("ImplementsSpatialJoins", false), ("ImplementsTemporalJoins", false), ("ImplementsFeatureVersioning", false),
            ("ManageStoredQueries", false), ("PagingIsTransactionSafe", false),
        })
        {
            metadata.Add(Constraint(name, value ? "TRUE" : "FALSE"));
        }

        metadata.Add(Constraint("CountDefault", options.DefaultCount.ToString(CultureInfo.InvariantCulture)));
        metadata.Add(new XElement(Ows + "Constraint", new XAttribute("name", "QueryExpressions"),
            new XElement(Ows + "AllowedValues", new XElement(Ows + "Value", "wfs:Query"), new XElement(Ows + "Value", "wfs:StoredQuery"))));
        return metadata;
    }

    private static XElement FeatureType(PublishedLayer layer, WfsOptions options)
    {
        string title = string.IsNullOrEmpty(layer.Definition.TitleZh) ? layer.Id : layer.Definition.TitleZh;
        var element = new XElement(Wfs + "FeatureType",
            new XElement(Wfs + "Name", WfsFeatureTypes.QualifiedName(layer, options)),
            new XElement(Wfs + "Title", title));
        if (!string.IsNullOrEmpty(layer.Definition.TitleEn))
            element.Add(new XElement(Wfs + "Abstract", layer.Definition.TitleEn));
        element.Add(new XElement(Wfs + "DefaultCRS", WfsFeatureTypes.DefaultCrsUrn));
        foreach (var crs in WfsFeatureTypes.OtherCrs(layer))
            element.Add(new XElement(Wfs + "OtherCRS", crs.Urn));
        element.Add(new XElement(Wfs + "OutputFormats",
            new XElement(Wfs + "Format", WfsFeatureTypes.GmlFormat), new XElement(Wfs + "Format", WfsFeatureTypes.JsonFormat)));
        var extent = layer.Info.Extent;
        if (!extent.IsEmpty)
        {
            // OWS 1.1 §10.2.2: WGS84BoundingBox corners are longitude then latitude.
            element.Add(new XElement(Ows + "WGS84BoundingBox",
                new XElement(Ows + "LowerCorner", $"{WfsXml.Number(extent.MinX)} {WfsXml.Number(extent.MinY)}"),
                new XElement(Ows + "UpperCorner", $"{WfsXml.Number(extent.MaxX)} {WfsXml.Number(extent.MaxY)}")));
        }

        return element;
    }

    private static XElement FilterCapabilities()
    {
        // 09-026r2 Table 1: every comparison operator (PropertyIsNil included) and the logical ones make Standard filter.
        var conformance = new XElement(Fes + "Conformance");
        foreach (var (name, value) in new[]
        {
            ("ImplementsQuery", true), ("ImplementsAdHocQuery", true), ("ImplementsFunctions", false), ("ImplementsResourceId", true),
            ("ImplementsMinStandardFilter", true), ("ImplementsStandardFilter", true), ("ImplementsMinSpatialFilter", true),
            ("ImplementsSpatialFilter", true), ("ImplementsMinTemporalFilter", false), ("ImplementsTemporalFilter", false),
            ("ImplementsVersionNav", false), ("ImplementsSorting", true), ("ImplementsExtendedOperators", false),
            ("ImplementsMinimumXPath", false), ("ImplementsSchemaElementFunc", false),
        })
        {
            conformance.Add(new XElement(Fes + "Constraint", new XAttribute("name", name),
                new XElement(Ows + "NoValues"), new XElement(Ows + "DefaultValue", value ? "TRUE" : "FALSE")));
        }

        return new XElement(Fes + "Filter_Capabilities",
            conformance,
            new XElement(Fes + "Id_Capabilities", new XElement(Fes + "ResourceIdentifier", new XAttribute("name", "fes:ResourceId"))),
            new XElement(Fes + "Scalar_Capabilities",
                new XElement(Fes + "LogicalOperators"),
                new XElement(Fes + "ComparisonOperators",
                    ComparisonOperators.Select(op => new XElement(Fes + "ComparisonOperator", new XAttribute("name", op))))),
            new XElement(Fes + "Spatial_Capabilities",
                new XElement(Fes + "GeometryOperands", GeometryOperands.Select(g => new XElement(Fes + "GeometryOperand", new XAttribute("name", g)))),
                new XElement(Fes + "SpatialOperators", SpatialOperators.Select(op => new XElement(Fes + "SpatialOperator", new XAttribute("name", op))))));
    }

    private static XElement Parameter(string name, params string[] values) =>
        new(Ows + "Parameter", new XAttribute("name", name), new XElement(Ows + "AllowedValues", values.Select(v => new XElement(Ows + "Value", v))));

    private static XElement Constraint(string name, string value) =>
        new(Ows + "Constraint", new XAttribute("name", name), new XElement(Ows + "NoValues"), new XElement(Ows + "DefaultValue", value));
}
