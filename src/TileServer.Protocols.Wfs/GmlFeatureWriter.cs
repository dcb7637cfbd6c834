namespace TileServer.Protocols.Wfs;

using System.Globalization;
using System.Xml;
using TileServer.Services.Features;

/// <summary>Writes features as GML 3.2 in the application schema of <see cref="WfsSchemaDocument"/>: one
/// element per feature with gml:id "{layer}.{fid}", its non-null fields in schema order, then its geometry.
/// The XmlWriter is synchronous over an in-memory buffer the caller drains to the response asynchronously
/// (Kestrel forbids synchronous writes), so memory stays bounded by the drain threshold.</summary>
internal sealed class GmlFeatureWriter(XmlWriter xml, WfsQuery query, WfsOptions options)
{
    private readonly GmlGeometryWriter geometries = new(xml, query.Crs.Name, query.Crs.SwapsAxes);
    private readonly string geometryName = WfsFeatureTypes.GeometryProperty(query.Layer);

    public void WriteFeature(FeatureItem feature, bool declareNamespaces)
    {
        string ns = options.FeatureNamespace, prefix = options.FeatureNamespacePrefix;
        string id = WfsFeatureTypes.FeatureId(query.Layer.Id, feature.Fid);
        xml.WriteStartElement(prefix, query.Layer.Id, ns);
        if (declareNamespaces)
        {
            xml.WriteAttributeString("xmlns", prefix, null, ns);
            xml.WriteAttributeString("xmlns", "gml", null, WfsNamespaces.Gml.NamespaceName);
        }

        xml.WriteAttributeString("gml", "id", WfsNamespaces.Gml.NamespaceName, id);
        for (int i = 0; i < feature.Fields.Count; i++)
        {
            string? text = Text(feature.Values[i]);
            if (text is not null)
                xml.WriteElementString(prefix, feature.Fields[i].Name, ns, text);
        }

        if (query.IncludeGeometry && !feature.Geometry.IsEmpty)
        {
            xml.WriteStartElement(prefix, geometryName, ns);
            geometries.Write(feature.Geometry, id + ".geom");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>A value as its XSD lexical form; null for NULL (the element is left out).</summary>
    public static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        double d => double.IsFinite(d) ? WfsXml.Number(d) : null,
        float f => float.IsFinite(f) ? WfsXml.Number(f) : null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public void WriteGeometry(FeatureItem feature) =>
        geometries.Write(feature.Geometry, WfsFeatureTypes.FeatureId(query.Layer.Id, feature.Fid) + ".geom");
}
