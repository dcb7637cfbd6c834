namespace TileServer.Services.Raster;

using TileServer.Core.Geometry;
using TileServer.Core.Tiling;

/// <summary>Maps a tile of a geographic (plate carrée) tile matrix set — WorldCRS84Quad, CGCS2000Quad — onto
/// a proxy WebMercatorQuad tile with the same pixel grid, so the Web Mercator renderer draws it unchanged.
/// <para>In a geographic quad, pixels are linear in longitude and latitude. A coordinate is moved to the
/// point whose Web Mercator pixel in the proxy tile equals its plate carrée pixel in the real tile:
/// x' = minX + (lon − minLon)·k, y' = maxY − (maxLat − lat)·k, back to degrees by the inverse Mercator.
/// The proxy is the Web Mercator level of equal scale (CGCS2000Quad n ↔ n, WorldCRS84Quad n ↔ n+1) with
/// the same column and row, so style zoom rules and world-anchored hatches line up across tiles, and the
/// whole geographic world (at most 2ⁿ×2ⁿ⁻¹ tiles) lies inside the proxy level's 2ⁿ×2ⁿ, where the inverse
/// Mercator is exact (no latitude clamping).</para></summary>
public readonly struct GeographicTileWarp
{
    private readonly double minLon;
    private readonly double maxLat;
    private readonly double minX;
    private readonly double maxY;
    private readonly double metresPerDegree;

    public GeographicTileWarp(TileMatrixSet set, in TileCoordinate tile)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (!set.IsGeographic)
        {
            throw new ArgumentException($"{set.Id} is not a geographic tile matrix set.", nameof(set));
        }

        TileMatrix matrix = set.GetMatrix(tile.Zoom);
        int proxyZoom = EquivalentWebMercatorZoom(matrix);
        long proxySize = WebMercator.MatrixSize(proxyZoom);
        if (proxyZoom < 0 || matrix.MatrixWidth > proxySize || matrix.MatrixHeight > proxySize)
        {
            throw new NotSupportedException($"{set.Id} level {matrix.Identifier} has no Web Mercator level of the same grid.");
        }

        Bounds = set.TileBounds(tile);
        ProxyTile = new TileCoordinate(proxyZoom, tile.Column, tile.Row);
        BoundingBox proxy = WebMercator.TileBoundsMeters(ProxyTile);
        minLon = Bounds.MinX;
        maxLat = Bounds.MaxY;
        minX = proxy.MinX;
        maxY = proxy.MaxY;
        metresPerDegree = proxy.Width / Bounds.Width;
        CellSize = matrix.CellSize;
    }

    /// <summary>The real tile's bounds in degrees (longitude/latitude).</summary>
    public BoundingBox Bounds { get; }

    /// <summary>The WebMercatorQuad tile the warped coordinates are drawn in.</summary>
    public TileCoordinate ProxyTile { get; }

    /// <summary>Degrees per pixel of the real tile.</summary>
    public double CellSize { get; }

    /// <summary>The real tile's bounds grown by <paramref name="pixels"/>, for the feature query.</summary>
    public BoundingBox QueryBounds(double pixels) => Bounds.Buffer(pixels * CellSize, pixels * CellSize);

    public double Longitude(double longitude) => WebMercator.XToLongitude(minX + ((longitude - minLon) * metresPerDegree));

    public double Latitude(double latitude) => WebMercator.YToLatitude(maxY - ((maxLat - latitude) * metresPerDegree));

    /// <summary>The Web Mercator zoom whose equatorial scale denominator equals the matrix's.</summary>
    public static int EquivalentWebMercatorZoom(TileMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return (int)Math.Round(Math.Log2(TileMatrixSets.WebMercatorQuad.Matrices[0].ScaleDenominator / matrix.ScaleDenominator));
    }
}
