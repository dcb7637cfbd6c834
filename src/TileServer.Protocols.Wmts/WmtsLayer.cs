namespace TileServer.Protocols.Wmts;

using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Raster;

/// <summary>A published layer as WMTS offers it: the layer, its one raster style, and per tile matrix
/// set the tile matrices it is drawn at with their TileMatrixSetLimits (OGC 07-057r7 §7.2.4.6.11).</summary>
public sealed class WmtsLayer
{
    private readonly Dictionary<string, IReadOnlyList<TileMatrixLimits>> limits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> drawnFrom = new(StringComparer.Ordinal);

    public WmtsLayer(PublishedLayer layer, RasterLayerStyle style)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(style);
        Layer = layer;
        Style = style;
        foreach (TileMatrixSet set in WmtsTileMatrixSets.Served)
        {
            // Limits list every level GetTile answers (07-057r7 §7.2.4.6.11): from the set's first level, as
            // levels below the layer's min zoom are served as transparent tiles, up to its max zoom; deeper
            // levels are TileOutOfRange and clients over-zoom the last one (docs/wmts.md, "Zoom range").
            (int from, int to) = WmtsTileMatrixSets.LevelsFor(set, layer.Definition.MinZoom, layer.Definition.MaxZoom);
            drawnFrom[set.Id] = from;
            limits[set.Id] = from > to || layer.Info.Extent.IsEmpty ? [] : set.LimitsFor(layer.Info.Extent, set.MinZoom, to);
        }
    }

    public PublishedLayer Layer { get; }

    public RasterLayerStyle Style { get; }

    public string Id => Layer.Id;

    /// <summary>The Style identifier of 07-057r7 §7.2.4.6.4: the raster style's id.</summary>
    public string StyleId => Style.Painter.Style.Id;

    /// <summary>Limits of the layer in one set, one entry per tile matrix GetTile answers for it.</summary>
    public IReadOnlyList<TileMatrixLimits> LimitsIn(TileMatrixSet set) =>
        limits.TryGetValue(set.Id, out var found) ? found : [];

    /// <summary>True when the layer is drawn at level <paramref name="zoom"/> of <paramref name="set"/>; levels
    /// below its min zoom are inside the limits but answered with a transparent tile.</summary>
    public bool IsDrawnAt(TileMatrixSet set, int zoom)
    {
        ArgumentNullException.ThrowIfNull(set);
        return drawnFrom.TryGetValue(set.Id, out int from) && zoom >= from;
    }

    /// <summary>Layers that can be drawn: published and bound to a raster style (layers without a style
    /// render nothing, so WMTS does not advertise them).</summary>
    public static IReadOnlyList<WmtsLayer> From(ILayerCatalog catalog, RasterStyleBinder styles)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(styles);
        var layers = new List<WmtsLayer>();
        foreach (PublishedLayer layer in catalog.Layers)
        {
            if (styles.Find(layer) is { } style)
            {
                layers.Add(new WmtsLayer(layer, style));
            }
        }

        return layers;
    }
}
