namespace TileServer.Services.Tiles;

using TileServer.Core.Tiling;

/// <summary>Maps longitude/latitude to the tile's extent units (x right, y down from the tile's
/// top-left corner) through Web Mercator, as MVT 2.1 §4.3.1 lays out the tile coordinate space.</summary>
public readonly struct TileTransform
{
    private readonly double minX;
    private readonly double maxY;
    private readonly double scale;

    public TileTransform(in TileCoordinate tile, uint extent)
    {
        var bounds = WebMercator.TileBoundsMeters(tile);
        minX = bounds.MinX;
        maxY = bounds.MaxY;
        scale = extent / bounds.Width;
    }

    public double X(double longitude) => (WebMercator.LongitudeToX(longitude) - minX) * scale;

    public double Y(double latitude) => (maxY - WebMercator.LatitudeToY(latitude)) * scale;
}
