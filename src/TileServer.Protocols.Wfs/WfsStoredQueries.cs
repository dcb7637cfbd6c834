namespace TileServer.Protocols.Wfs;

using System.Xml.Linq;
using TileServer.Core.Layers;

/// <summary>The one stored query every WFS 2.0 offers, GetFeatureById (09-025r2 §7.9.3.6), listed by
/// ListStoredQueries (§14.3) and described by DescribeStoredQueries (§14.4).</summary>
public static class WfsStoredQueries
{
    private static readonly XNamespace Wfs = WfsNamespaces.Wfs;

    public static XDocument List(IReadOnlyList<PublishedLayer> layers, WfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        return Document(new XElement(Wfs + "ListStoredQueriesResponse", Namespaces(options),
            new XElement(Wfs + "StoredQuery", new XAttribute("id", WfsKvpQuery.GetFeatureById),
                new XElement(Wfs + "Title", "Get feature by identifier"),
                layers.Select(l => new XElement(Wfs + "ReturnFeatureType", WfsFeatureTypes.QualifiedName(l, options))))));
    }

    /// <param name="ids">STOREDQUERY_ID values asked for (null: all).</param>
    public static XDocument Describe(IReadOnlyList<PublishedLayer> layers, WfsOptions options, IReadOnlyList<string>? ids)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var id in ids ?? [])
        {
            if (id != WfsKvpQuery.GetFeatureById)
                throw WfsException.Invalid("storedQuery_Id", $"no stored query '{id}'");
        }

        return Document(new XElement(Wfs + "DescribeStoredQueriesResponse", Namespaces(options),
            new XElement(Wfs + "StoredQueryDescription", new XAttribute("id", WfsKvpQuery.GetFeatureById),
                new XElement(Wfs + "Title", "Get feature by identifier"),
                new XElement(Wfs + "Abstract", "Returns the single feature whose identifier (layer.fid, as in gml:id) is given by ID; NotFound (404) when there is none."),
                new XElement(Wfs + "Parameter", new XAttribute("name", "ID"), new XAttribute("type", "xs:string")),
                new XElement(Wfs + "QueryExpressionText",
                    new XAttribute("returnFeatureTypes", string.Join(' ', layers.Select(l => WfsFeatureTypes.QualifiedName(l, options)))),
                    new XAttribute("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression"),
                    new XAttribute("isPrivate", "true")))));
    }

    private static object[] Namespaces(WfsOptions options) =>
    [
        new XAttribute(XNamespace.Xmlns + "wfs", Wfs.NamespaceName),
        new XAttribute(XNamespace.Xmlns + "xs", WfsNamespaces.Xs.NamespaceName),
        new XAttribute(XNamespace.Xmlns + options.FeatureNamespacePrefix, options.FeatureNamespace),
        new XAttribute(XNamespace.Xmlns + "xsi", WfsNamespaces.Xsi.NamespaceName),
        new XAttribute(WfsNamespaces.Xsi + "schemaLocation", WfsNamespaces.WfsSchemaLocation),
    ];

    private static XDocument Document(XElement root) => new(new XDeclaration("1.0", "UTF-8", null), root);
}
