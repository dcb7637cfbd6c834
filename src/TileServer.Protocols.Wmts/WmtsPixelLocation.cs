namespace TileServer.Protocols.Wmts;

using TileServer.Core.Geometry;
using TileServer.Core.Tiling;

/// <summary>Where a GetFeatureInfo pixel lies on the ground: the centre of pixel (I, J) of the tile, in the
/// set's CRS (x/y), as longitude/latitude, and a lon/lat search box of ± <c>tolerance</c> pixels around it.
/// 07-057r7 §7.3.1: I counts columns rightwards and J rows downwards from the tile's top-left pixel.</summary>
public readonly record struct WmtsPixelLocation(double Longitude, double Latitude, BoundingBox SearchBox)
{
    public static WmtsPixelLocation Of(TileMatrixSet set, in TileCoordinate tile, int i, int j, double tolerancePixels)
    {
        ArgumentNullException.ThrowIfNull(set);
        TileMatrix matrix = set.GetMatrix(tile.Zoom);
        BoundingBox bounds = set.TileBounds(tile);
        double cell = matrix.CellSize;
        double x = bounds.MinX + ((i + 0.5) * cell);
        double y = bounds.MaxY - ((j + 0.5) * cell);
        double reach = tolerancePixels * cell;
        (double longitude, double latitude) = ToLonLat(set, x, y);
        (double west, double south) = ToLonLat(set, x - reach, y - reach);
        (double east, double north) = ToLonLat(set, x + reach, y + reach);
        return new WmtsPixelLocation(longitude, latitude, new BoundingBox(west, south, east, north));
    }

    /// <summary>Geographic sets are already lon/lat (CRS84 and EPSG:4490 kept east/north internally);
    /// WebMercatorQuad goes back through the spherical inverse.</summary>
    private static (double Longitude, double Latitude) ToLonLat(TileMatrixSet set, double x, double y) =>
        set.IsGeographic ? (x, y) : (WebMercator.XToLongitude(x), WebMercator.YToLatitude(y));
}
