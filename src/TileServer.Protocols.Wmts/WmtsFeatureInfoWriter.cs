namespace TileServer.Protocols.Wmts;

using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using TileServer.Services.Features;

/// <summary>Encodes GetFeatureInfo answers (07-057r7 §7.3.2: the response format is the requested InfoFormat):
/// a GeoJSON FeatureCollection (RFC 7946, lon/lat), an HTML table per layer, or GML 3.1.1 features in a
/// wmts:FeatureInfoResponse (wmtsGetFeatureInfo_response.xsd) with EPSG:4490 URN geometries, lat/lon.</summary>
public static class WmtsFeatureInfoWriter
{
    public static byte[] Write(WmtsInfoFormat format, string layerId, IReadOnlyList<FeatureItem> features)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(layerId);
        ArgumentNullException.ThrowIfNull(features);
        if (format == WmtsInfoFormat.Json)
        {
            return Json(layerId, features);
        }

        return format == WmtsInfoFormat.Html ? Html(layerId, features) : WmtsXml.Serialize(Gml(layerId, features));
    }

    private static byte[] Json(string layerId, IReadOnlyList<FeatureItem> features)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var options = new GeoJsonOptions { IdPrefix = layerId + "." };
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (FeatureItem feature in features)
            {
                GeoJsonFeatureWriter.WriteFeature(json, feature, options);
            }

            json.WriteEndArray();
            json.WriteNumber("numberReturned", features.Count);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Html(string layerId, IReadOnlyList<FeatureItem> features)
    {
        string layer = WebUtility.HtmlEncode(layerId);
        var html = new StringBuilder(1024);
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(layer).Append("</title></head><body>\n");
        html.Append("<table class=\"featureInfo\" data-layer=\"").Append(layer).Append("\">\n<caption>").Append(layer).Append("</caption>\n");
        if (features.Count == 0)
        {
            html.Append("<tr><td>No features at this point.</td></tr>\n");
        }
        else
        {
            html.Append("<tr><th>id</th>");
            foreach (var field in features[0].Fields)
            {
                html.Append("<th>").Append(WebUtility.HtmlEncode(field.Name)).Append("</th>");
            }

            html.Append("</tr>\n");
            foreach (FeatureItem feature in features)
            {
                html.Append("<tr><td>").Append(feature.Fid.ToString(CultureInfo.InvariantCulture)).Append("</td>");
                foreach (object? value in feature.Values)
                {
                    html.Append("<td>").Append(WebUtility.HtmlEncode(Text(value))).Append("</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</table>\n</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static XDocument Gml(string layerId, IReadOnlyList<FeatureItem> features)
    {
        XNamespace gml = WmtsNamespaces.Gml;
        XNamespace ts = WmtsNamespaces.Features;
        var collection = new XElement(gml + "FeatureCollection");
        foreach (FeatureItem feature in features)
        {
            var element = new XElement(ts + XmlConvert.EncodeLocalName(layerId),
                new XAttribute(gml + "id", layerId + "." + feature.Fid.ToString(CultureInfo.InvariantCulture)));
            var envelope = feature.Geometry.EnvelopeInternal;
            if (!envelope.IsNull)
            {
                element.Add(new XElement(gml + "boundedBy", new XElement(gml + "Envelope", new XAttribute("srsName", WmtsGmlGeometry.Cgcs2000Urn),
                    new XElement(gml + "lowerCorner", WmtsGmlGeometry.Position(envelope.MinX, envelope.MinY)),
                    new XElement(gml + "upperCorner", WmtsGmlGeometry.Position(envelope.MaxX, envelope.MaxY)))));
            }

            for (int i = 0; i < feature.Fields.Count; i++)
            {
                if (feature.Values[i] is not (null or DBNull))
                {
                    element.Add(new XElement(ts + XmlConvert.EncodeLocalName(feature.Fields[i].Name), Text(feature.Values[i])));
                }
            }

            if (WmtsGmlGeometry.Element(feature.Geometry) is { } geometry)
            {
                element.Add(new XElement(ts + "geometry", geometry));
            }

            collection.Add(new XElement(gml + "featureMember", element));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(WmtsNamespaces.Wmts + "FeatureInfoResponse",
                new XAttribute(XNamespace.Xmlns + "wmts", WmtsNamespaces.Wmts.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "gml", gml.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "ts", ts.NamespaceName),
                collection));
    }

    private static string Text(object? value) => value switch
    {
        null or DBNull => "",
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        float real => real.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
