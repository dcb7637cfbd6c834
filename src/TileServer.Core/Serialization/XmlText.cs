namespace TileServer.Core.Serialization;

using System.Globalization;
using System.Text;
using System.Xml;

/// <summary>Makes text from a request safe to echo in an XML document. XML 1.0 §2.2 (Char) has no place for
/// control characters other than tab, CR and LF, for lone surrogates or for U+FFFE/U+FFFF, and the XML writer
/// throws on them; error reports quote the refused value, so such a value turned a 400 into a 500.</summary>
public static class XmlText
{
    /// <summary>The text with every character XML cannot carry written as \uXXXX; valid surrogate pairs are kept.</summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? result = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                result?.Append(c);
                if (pair)
                {
                    result?.Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            // The first bad character: copy what came before it once, then build the rest.
            result ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return result?.ToString() ?? text;
    }
}
