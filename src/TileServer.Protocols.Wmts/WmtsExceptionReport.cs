namespace TileServer.Protocols.Wmts;

using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using TileServer.Core.Serialization;

/// <summary>Writes an OWS 1.1 ExceptionReport (OGC 06-121r3 §8.5). WMTS 1.0.0 reports every KVP and REST
/// error this way (07-057r7 §8.3, §10.3), with version="1.0.0" (the WMTS version) on the report.</summary>
public static class WmtsExceptionReport
{
    public const string ContentType = "application/xml; charset=utf-8";

    public static XDocument Build(WmtsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        XNamespace ows = WmtsNamespaces.Ows;
        var exception = new XElement(ows + "Exception", new XAttribute("exceptionCode", error.Code));
        if (!string.IsNullOrEmpty(error.Locator))
        {
            exception.Add(new XAttribute("locator", XmlText.Printable(error.Locator)));
        }

        exception.Add(new XElement(ows + "ExceptionText", XmlText.Printable(error.Text)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(ows + "ExceptionReport",
                new XAttribute(XNamespace.Xmlns + "ows", ows.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "xsi", WmtsNamespaces.Xsi.NamespaceName),
                new XAttribute(WmtsNamespaces.Xsi + "schemaLocation", WmtsNamespaces.ExceptionSchemaLocation),
                new XAttribute("version", "1.0.0"),
                new XAttribute(XNamespace.Xml + "lang", "en"),
                exception));
    }

    public static IResult ToResult(WmtsError error) =>
        new WmtsXmlResult(WmtsXml.Serialize(Build(error)), ContentType, error.StatusCode);
}
