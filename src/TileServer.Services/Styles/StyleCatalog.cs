namespace TileServer.Services.Styles;

using System.Text.Json.Nodes;
using TileServer.Core.Layers;
using TileServer.Services.Raster;
using TileServer.Styling;

/// <summary>The published styles (styles/*.json) and what each one is for: the layers drawn with it, its
/// MapLibre GL style over this server's vector tiles and its legend. Shared by the /styles endpoints and the
/// WMTS LegendURL, so both describe the same legend image.</summary>
public sealed class StyleCatalog(RasterStyleBinder binder, ILayerCatalog catalog)
{
    public IReadOnlyList<StyleDocument> Styles => binder.Registry.Styles;

    public bool TryGet(string id, out StyleDocument style) => binder.Registry.TryGet(id, out style);

    /// <summary>Published layers drawn with <paramref name="style"/> (the binder's choice), in catalog order.</summary>
    public IReadOnlyList<PublishedLayer> LayersOf(StyleDocument style)
    {
        ArgumentNullException.ThrowIfNull(style);
        var layers = new List<PublishedLayer>();
        foreach (PublishedLayer layer in catalog.Layers)
        {
            if (binder.Find(layer) is { } bound && ReferenceEquals(bound.Painter.Style, style))
            {
                layers.Add(layer);
            }
        }

        return layers;
    }

    /// <summary>The MapLibre style (spec v8) of one style: its vector source is this server's TileJSON for the
    /// layers drawn with it, as an absolute URL under <paramref name="baseUrl"/> (scheme, host, path base), so
    /// the document works wherever it is loaded from. Null when no published layer uses the style.</summary>
    public JsonObject? MapLibreStyle(StyleDocument style, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var layers = LayersOf(style);
        if (layers.Count == 0)
        {
            return null;
        }

        string ids = string.Join(",", layers.Select(l => l.Id));
        var builder = new MapLibreStyleBuilder(new MapLibreSourceOptions { TileJsonUrl = $"{baseUrl}/tiles/{ids}.json" });
        var document = builder.Build([style], style.Title.Zh + " " + style.Title.En);
        document["metadata"] = new JsonObject
        {
            ["tileserver:style"] = style.Id,
            ["tileserver:version"] = style.Version,
            ["tileserver:legend"] = StyleLegends.PngUrl(baseUrl, style.Id),
        };
        return document;
    }
}
