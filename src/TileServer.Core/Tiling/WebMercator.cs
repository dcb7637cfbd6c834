namespace TileServer.Core.Tiling;

using TileServer.Core.Geometry;

/// <summary>Spherical Web Mercator (EPSG:3857) maths for the WebMercatorQuad tile matrix set
/// (OGC 17-083r4 Annex D.1). Geographic input is treated as WGS 84 / CGCS2000 longitude-latitude:
/// the two datums differ by centimetres, far below a tile pixel at any served zoom.</summary>
public static class WebMercator
{
    public const double EarthRadius = 6378137.0;
    public const double OriginShift = Math.PI * EarthRadius; // 20037508.342789244
    public const double MaxLatitude = 85.0511287798066;
    public const int MaxZoom = 30;

    public static double LongitudeToX(double longitude) => longitude * OriginShift / 180.0;

    public static double LatitudeToY(double latitude)
    {
        double clamped = Math.Clamp(latitude, -MaxLatitude, MaxLatitude);
        return Math.Log(Math.Tan((90.0 + clamped) * Math.PI / 360.0)) * EarthRadius;
    }

    public static double XToLongitude(double x) => x / OriginShift * 180.0;

    public static double YToLatitude(double y) => 360.0 / Math.PI * Math.Atan(Math.Exp(y / EarthRadius)) - 90.0;

    /// <summary>Number of tiles along each axis at a zoom.</summary>
    public static long MatrixSize(int zoom) => 1L << zoom;

    public static bool IsValid(in TileCoordinate tile) =>
        tile.Zoom is >= 0 and <= MaxZoom && tile.Column >= 0 && tile.Row >= 0 &&
        tile.Column < MatrixSize(tile.Zoom) && tile.Row < MatrixSize(tile.Zoom);

    /// <summary>Bounds of a tile in EPSG:3857 metres.</summary>
    public static BoundingBox TileBoundsMeters(in TileCoordinate tile)
    {
        double size = 2 * OriginShift / MatrixSize(tile.Zoom);
        double minX = -OriginShift + tile.Column * size;
        double maxY = OriginShift - tile.Row * size;
        return new BoundingBox(minX, maxY - size, minX + size, maxY);
    }

    /// <summary>Bounds of a tile in longitude/latitude degrees.</summary>
    public static BoundingBox TileBoundsDegrees(in TileCoordinate tile)
    {
        BoundingBox m = TileBoundsMeters(tile);
        return new BoundingBox(XToLongitude(m.MinX), YToLatitude(m.MinY), XToLongitude(m.MaxX), YToLatitude(m.MaxY));
    }

    /// <summary>The tile containing a longitude/latitude at a zoom (clamped to the world).</summary>
    public static TileCoordinate TileAt(double longitude, double latitude, int zoom)
    {
        long n = MatrixSize(zoom);
        double fx = (LongitudeToX(longitude) + OriginShift) / (2 * OriginShift);
        double fy = (OriginShift - LatitudeToY(latitude)) / (2 * OriginShift);
        int col = (int)Math.Clamp(Math.Floor(fx * n), 0, n - 1);
        int row = (int)Math.Clamp(Math.Floor(fy * n), 0, n - 1);
        return new TileCoordinate(zoom, col, row);
    }

    /// <summary>Ground size of one tile pixel in metres at the equator (the resolution of a zoom level).</summary>
    public static double Resolution(int zoom, int tileSize = 256) => 2 * OriginShift / (tileSize * (double)MatrixSize(zoom));
}
