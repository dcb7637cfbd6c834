namespace TileServer.Protocols.Wfs;

using System.Xml.Linq;

/// <summary>The XML namespaces of WFS 2.0 (OGC 09-025r2 §7.1), FES 2.0 (09-026r2), GML 3.2 (07-036) and
/// OWS 1.1 (06-121r3), and where their schemas live.</summary>
public static class WfsNamespaces
{
    public static readonly XNamespace Wfs = "http://www.opengis.net/wfs/2.0";
    public static readonly XNamespace Fes = "http://www.opengis.net/fes/2.0";
    public static readonly XNamespace Gml = "http://www.opengis.net/gml/3.2";
    public static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";
    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    /// <summary>GML 3.1.1, which some clients still use for filter geometries.</summary>
    public static readonly XNamespace Gml31 = "http://www.opengis.net/gml";

    public const string WfsSchemaLocation = "http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd";
    public const string GmlSchema = "http://schemas.opengis.net/gml/3.2.1/gml.xsd";
    public const string ExceptionSchemaLocation = "http://www.opengis.net/ows/1.1 http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd";
}
