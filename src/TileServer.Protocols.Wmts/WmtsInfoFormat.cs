namespace TileServer.Protocols.Wmts;

/// <summary>One GetFeatureInfo output format: the InfoFormat MIME type listed per layer (07-057r7 §7.1.1.1.1
/// Table 6), the extension of its RESTful FeatureInfo resource (§10.2.1) and the Content-Type answered.</summary>
public sealed record WmtsInfoFormat(string MediaType, string Extension, string ContentType)
{
    public static WmtsInfoFormat Json { get; } = new("application/json", "json", "application/json; charset=utf-8");

    public static WmtsInfoFormat Html { get; } = new("text/html", "html", "text/html; charset=utf-8");

    /// <summary>GML 3.1.1 in a wmts:FeatureInfoResponse (07-057r7 §7.3.2, wmtsGetFeatureInfo_response.xsd).</summary>
    public static WmtsInfoFormat Gml { get; } = new("application/vnd.ogc.gml", "gml", "application/vnd.ogc.gml; charset=utf-8");

    /// <summary>In the order capabilities list them.</summary>
    public static IReadOnlyList<WmtsInfoFormat> All { get; } = [Json, Html, Gml];

    /// <summary>MIME types compare ignoring case (RFC 2045 §5.1); parameters such as "; charset" are not offered.</summary>
    public static WmtsInfoFormat? FromMediaType(string? mediaType)
    {
        foreach (WmtsInfoFormat format in All)
        {
            if (string.Equals(format.MediaType, mediaType?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        return null;
    }

    public static WmtsInfoFormat? FromExtension(string? extension)
    {
        foreach (WmtsInfoFormat format in All)
        {
            if (string.Equals(format.Extension, extension, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        return null;
    }
}
