namespace TileServer.Services.Tiles;

using TileServer.Core.Tiling;

/// <summary>Maps longitude/latitude to the tile's extent units (x right, y down from the tile's top-left
/// corner), as MVT 2.1 §4.3.1 lays out the tile coordinate space. On WebMercatorQuad the map goes through
/// Web Mercator; on the geographic quads (WorldCRS84Quad, CGCS2000Quad) CRS units are degrees, so the map is
/// linear in longitude and latitude (a tile spans equal degrees both ways: 2×1 matrices of square cells).</summary>
public readonly struct TileTransform
{
    private readonly double minX;
    private readonly double maxY;
    private readonly double scale;
    private readonly bool mercator;

    /// <summary>A WebMercatorQuad tile.</summary>
    public TileTransform(in TileCoordinate tile, uint extent)
    {
        var bounds = WebMercator.TileBoundsMeters(tile);
        minX = bounds.MinX;
        maxY = bounds.MaxY;
        scale = extent / bounds.Width;
        mercator = true;
    }

    /// <summary>A tile of any set the server knows: Web Mercator for projected sets, degrees for geographic ones.</summary>
    public TileTransform(TileMatrixSet set, in TileCoordinate tile, uint extent)
    {
        ArgumentNullException.ThrowIfNull(set);
        mercator = !set.IsGeographic;
        // TileBounds gives x/y (east/north) whatever the CRS's declared axis order. The one projected set is
        // WebMercatorQuad, whose bounds come from the same formula as the first constructor (identical tiles).
        var bounds = set.IsGeographic ? set.TileBounds(tile) : WebMercator.TileBoundsMeters(tile);
        minX = bounds.MinX;
        maxY = bounds.MaxY;
        scale = extent / bounds.Width;
    }

    public double X(double longitude) => ((mercator ? WebMercator.LongitudeToX(longitude) : longitude) - minX) * scale;

    public double Y(double latitude) => (maxY - (mercator ? WebMercator.LatitudeToY(latitude) : latitude)) * scale;
}
