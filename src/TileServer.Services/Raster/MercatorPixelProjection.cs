namespace TileServer.Services.Raster;

using TileServer.Core.Tiling;

/// <summary>
/// Longitude/latitude to pixels of one WebMercatorQuad tile, for the raster path. x is linear in longitude.
/// y = R·ln tan(π/4 + φ/2) costs a tangent and a logarithm per vertex (a few per cent of a dense tile); near
/// the tile it is evaluated as its Taylor polynomial around the tile's middle latitude φ₀, whose derivatives
/// are y' = R·sec φ, y'' = R·sec φ·tan φ, y''' = R·sec φ·(2tan²φ + 1), y⁗ = R·sec φ·tan φ·(6tan²φ + 5) and
/// y⁽⁵⁾ = R·sec φ·(24tan⁴φ + 28tan²φ + 5). Within one tile height of the tile (and from zoom 8 on, where a
/// tile spans at most 1.4° of latitude) the truncation error is below 10⁻⁵ pixel, far under the 1/16-pixel
/// vertex grid the coordinates are snapped to; outside that window, and at lower zooms, y is exact.
/// </summary>
public readonly struct MercatorPixelProjection
{
    private const int SeriesMinZoom = 8;

    private readonly double minX;
    private readonly double maxY;
    private readonly double scale;
    private readonly double middleLatitude;
    private readonly double windowLow;
    private readonly double windowHigh;
    private readonly double c0;
    private readonly double c1;
    private readonly double c2;
    private readonly double c3;
    private readonly double c4;
    private readonly double c5;

    /// <summary>A tile of <paramref name="size"/> pixels.</summary>
    public MercatorPixelProjection(in TileCoordinate tile, int size)
    {
        var bounds = WebMercator.TileBoundsMeters(tile);
        minX = bounds.MinX;
        maxY = bounds.MaxY;
        scale = size / bounds.Width;
        double north = WebMercator.YToLatitude(bounds.MaxY), south = WebMercator.YToLatitude(bounds.MinY);
        double height = north - south;
        middleLatitude = (north + south) / 2;
        // The exact formula clamps latitudes to Web Mercator's limit; the window stops there too.
        windowLow = tile.Zoom >= SeriesMinZoom ? Math.Max(south - height, -WebMercator.MaxLatitude) : double.PositiveInfinity;
        windowHigh = tile.Zoom >= SeriesMinZoom ? Math.Min(north + height, WebMercator.MaxLatitude) : double.NegativeInfinity;

        // Pixel y = (maxY − y(φ₀ + h))·scale = c0 − (c1·h + c2·h² + … + c5·h⁵), h in degrees.
        double phi = middleLatitude * Math.PI / 180, sec = 1 / Math.Cos(phi), tan = Math.Tan(phi), t2 = tan * tan;
        double radiansPerDegree = Math.PI / 180, r = WebMercator.EarthRadius * scale;
        c0 = (maxY - WebMercator.LatitudeToY(middleLatitude)) * scale;
        c1 = r * sec * radiansPerDegree;
        c2 = r * sec * tan * Math.Pow(radiansPerDegree, 2) / 2;
        c3 = r * sec * ((2 * t2) + 1) * Math.Pow(radiansPerDegree, 3) / 6;
        c4 = r * sec * tan * ((6 * t2) + 5) * Math.Pow(radiansPerDegree, 4) / 24;
        c5 = r * sec * ((24 * t2 * t2) + (28 * t2) + 5) * Math.Pow(radiansPerDegree, 5) / 120;
    }

    /// <summary>Pixel column (from the tile's left edge).</summary>
    public double X(double longitude) => (WebMercator.LongitudeToX(longitude) - minX) * scale;

    /// <summary>Pixel row (down from the tile's top edge).</summary>
    public double Y(double latitude)
    {
        if (latitude >= windowLow && latitude <= windowHigh)
        {
            var h = latitude - middleLatitude;
            return c0 - (h * (c1 + (h * (c2 + (h * (c3 + (h * (c4 + (h * c5)))))))));
        }

        return (maxY - WebMercator.LatitudeToY(latitude)) * scale;
    }
}
