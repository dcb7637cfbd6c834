namespace TileServer.Protocols.Wfs;

using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

/// <summary>Serialization settings shared by the documents and the streaming writers: UTF-8 without BOM,
/// LF line ends; numbers always invariant and round-trippable.</summary>
public static class WfsXml
{
    public static XmlWriterSettings Settings(bool indent, bool async) => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = indent,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        Async = async,
    };

    /// <summary>Reader settings for request XML (POST bodies, KVP filters): no DOCTYPE. The WFS and FES
    /// schemas are XSD, so a DTD is never needed, and its entities would let a small request expand into
    /// megabytes (entity expansion); external resources are never fetched.</summary>
    public static XmlReaderSettings RequestReaderSettings(bool async) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        Async = async,
    };

    public static byte[] Serialize(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings(indent: true, async: false)))
            document.Save(writer);
        return stream.ToArray();
    }

    /// <summary>A coordinate or value as the shortest text that reads back to the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
