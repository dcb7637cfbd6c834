namespace TileServer.Services.Styles;

using System.Runtime.CompilerServices;
using TileServer.Styling;

/// <summary>Legends rendered once per loaded style document (a style file that changes is a new document),
/// and the URLs the /styles endpoints serve them at.</summary>
public static class StyleLegends
{
    private static readonly ConditionalWeakTable<StyleDocument, Legend> Rendered = new();
    private static readonly LegendRenderer Renderer = new();

    public static Legend For(StyleDocument style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return Rendered.GetValue(style, Renderer.Render);
    }

    public static string PngUrl(string baseUrl, string styleId) => $"{baseUrl}/styles/{Uri.EscapeDataString(styleId)}/legend.png";

    public static string JsonUrl(string baseUrl, string styleId) => $"{baseUrl}/styles/{Uri.EscapeDataString(styleId)}/legend.json";

    public static string StyleUrl(string baseUrl, string styleId) => $"{baseUrl}/styles/{Uri.EscapeDataString(styleId)}.json";
}
