namespace TileServer.Protocols.Wmts;

using System.Text;
using System.Xml;
using System.Xml.Linq;

/// <summary>Serializes documents the same way every time (UTF-8 without BOM, two-space indent, LF), so
/// equal requests get byte-identical answers and a stable ETag.</summary>
public static class WmtsXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    public static byte[] Serialize(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }
}
