namespace TileServer.Protocols.Wfs;

using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using TileServer.Core.Serialization;

/// <summary>The ows:ExceptionReport of 09-025r2 §7.5 (schema of 06-121r3 §8.5) with version="2.0.0".</summary>
public static class WfsExceptionReport
{
    public const string ContentType = "application/xml; charset=utf-8";

    public static XDocument Build(WfsException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        XNamespace ows = WfsNamespaces.Ows;
        var exception = new XElement(ows + "Exception", new XAttribute("exceptionCode", error.Code));
        if (!string.IsNullOrEmpty(error.Locator))
            exception.Add(new XAttribute("locator", XmlText.Printable(error.Locator)));
        exception.Add(new XElement(ows + "ExceptionText", XmlText.Printable(error.Message)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(ows + "ExceptionReport",
                new XAttribute(XNamespace.Xmlns + "ows", ows.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "xsi", WfsNamespaces.Xsi.NamespaceName),
                new XAttribute(WfsNamespaces.Xsi + "schemaLocation", WfsNamespaces.ExceptionSchemaLocation),
                new XAttribute("version", "2.0.0"),
                new XAttribute(XNamespace.Xml + "lang", "en"),
                exception));
    }

    public static IResult ToResult(WfsException error) =>
        new WfsXmlResult(WfsXml.Serialize(Build(error)), ContentType, error.StatusCode);
}
