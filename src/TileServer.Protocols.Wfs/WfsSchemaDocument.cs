namespace TileServer.Protocols.Wfs;

using System.Xml.Linq;
using TileServer.Core.Layers;

/// <summary>DescribeFeatureType (09-025r2 §9): a GML 3.2 application schema (07-036 §21) in the one feature
/// namespace; each feature type extends gml:AbstractFeatureType with its exposed fields (optional and
/// nillable: a NULL value is left out) and a typed geometry property, and is substitutable for gml:AbstractFeature.</summary>
public static class WfsSchemaDocument
{
    public const string ContentType = "application/gml+xml; version=3.2; charset=utf-8";

    private static readonly XNamespace Xs = WfsNamespaces.Xs;

    public static XDocument Build(IEnumerable<PublishedLayer> layers, WfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        string prefix = options.FeatureNamespacePrefix;
        var schema = new XElement(Xs + "schema",
            new XAttribute(XNamespace.Xmlns + "xs", Xs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "gml", WfsNamespaces.Gml.NamespaceName),
            new XAttribute(XNamespace.Xmlns + prefix, options.FeatureNamespace),
            new XAttribute("targetNamespace", options.FeatureNamespace),
            new XAttribute("elementFormDefault", "qualified"),
            new XAttribute("version", "1.0"),
            new XElement(Xs + "import", new XAttribute("namespace", WfsNamespaces.Gml.NamespaceName), new XAttribute("schemaLocation", WfsNamespaces.GmlSchema)));
        foreach (var layer in layers)
        {
            var sequence = new XElement(Xs + "sequence");
            foreach (var field in layer.ExposedFields)
            {
                sequence.Add(new XElement(Xs + "element", new XAttribute("name", field.Name), new XAttribute("type", WfsFeatureTypes.XsdType(field.Type)),
                    new XAttribute("minOccurs", "0"), new XAttribute("maxOccurs", "1"), new XAttribute("nillable", "true")));
            }

            sequence.Add(new XElement(Xs + "element", new XAttribute("name", WfsFeatureTypes.GeometryProperty(layer)),
                new XAttribute("type", WfsFeatureTypes.GmlPropertyType(layer.Info.GeometryKind)), new XAttribute("minOccurs", "0"), new XAttribute("maxOccurs", "1")));
            schema.Add(
                new XElement(Xs + "complexType", new XAttribute("name", layer.Id + "Type"),
                    new XElement(Xs + "complexContent",
                        new XElement(Xs + "extension", new XAttribute("base", "gml:AbstractFeatureType"), sequence))),
                new XElement(Xs + "element", new XAttribute("name", layer.Id), new XAttribute("type", $"{prefix}:{layer.Id}Type"),
                    new XAttribute("substitutionGroup", "gml:AbstractFeature")));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), schema);
    }
}
