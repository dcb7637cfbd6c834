namespace TileServer.Protocols.Wmts;

using System.Xml.Linq;

/// <summary>The XML namespaces of WMTS 1.0.0 documents (OGC 07-057r7 §7.1.1, Annex A) and of OWS 1.1
/// (OGC 06-121r3 §7, §8), whose common elements the WMTS schemas import.</summary>
public static class WmtsNamespaces
{
    public static readonly XNamespace Wmts = "http://www.opengis.net/wmts/1.0";
    public static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";
    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>GML 3.1.1 (OGC 03-105r1), which wmtsGetFeatureInfo_response.xsd imports.</summary>
    public static readonly XNamespace Gml = "http://www.opengis.net/gml";

    /// <summary>Namespace of this server's feature types in GetFeatureInfo GML (one element per layer id).</summary>
    public static readonly XNamespace Features = "urn:tileserver:features";

    /// <summary>07-057r7 Annex A: the schema a capabilities document validates against.</summary>
    public const string CapabilitiesSchemaLocation =
        "http://www.opengis.net/wmts/1.0 http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd";

    /// <summary>06-121r3 §8.5: the exception report schema.</summary>
    public const string ExceptionSchemaLocation =
        "http://www.opengis.net/ows/1.1 http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd";
}
