namespace TileServer.Services.Raster;

using TileServer.Styling;

/// <summary>The style one published layer is drawn with: the painter, the source layer its rules name,
/// and the columns its filters read (the only ones the raster query asks for).</summary>
public sealed class RasterLayerStyle
{
    internal RasterLayerStyle(StylePainter painter, string sourceLayer, string[] fields)
    {
        Painter = painter;
        SourceLayer = sourceLayer;
        Fields = fields;
        CacheTag = painter.Style.Id + "@" + painter.Style.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public StylePainter Painter { get; }

    public string SourceLayer { get; }

    /// <summary>The columns the style's filters read.</summary>
    public string[] Fields { get; }

    /// <summary>Style id and version, part of the tile cache key so a revised style is not served stale.</summary>
    public string CacheTag { get; }
}
