namespace TileServer.Core.Tiling;

/// <summary>One level of a tile matrix set (OGC 17-083r4 §6.1.1, WMTS 07-057r7 §6.1): a regular grid of
/// tiles anchored at the top-left corner of the set's extent. Coordinates are kept as x/y (east/north);
/// <see cref="PointOfOriginInAxisOrder"/> gives the same point in the CRS's own axis order for documents.</summary>
public sealed class TileMatrix
{
    public TileMatrix(string identifier, int zoom, double cellSize, double scaleDenominator,
        double originX, double originY, CrsAxisOrder axisOrder, int matrixWidth, int matrixHeight, int tileWidth = 256, int tileHeight = 256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(matrixWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(matrixHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tileHeight);
        Identifier = identifier;
        Zoom = zoom;
        CellSize = cellSize;
        ScaleDenominator = scaleDenominator;
        OriginX = originX;
        OriginY = originY;
        AxisOrder = axisOrder;
        MatrixWidth = matrixWidth;
        MatrixHeight = matrixHeight;
        TileWidth = tileWidth;
        TileHeight = tileHeight;
    }

    /// <summary>TileMatrix identifier as written in capabilities and URLs ("0".."24"; "1".."18" for CGCS2000Quad).</summary>
    public string Identifier { get; }

    /// <summary>The level number used in <see cref="TileCoordinate.Zoom"/>; equals the identifier's number.</summary>
    public int Zoom { get; }

    /// <summary>Size of one pixel in CRS units (metres or degrees).</summary>
    public double CellSize { get; }

    /// <summary>Scale denominator under the OGC standardized 0.28 mm rendering pixel (07-057r7 §6.1).</summary>
    public double ScaleDenominator { get; }

    /// <summary>X (easting / longitude) of the top-left corner of the matrix.</summary>
    public double OriginX { get; }

    /// <summary>Y (northing / latitude) of the top-left corner of the matrix.</summary>
    public double OriginY { get; }

    /// <summary>Axis order of the CRS, used by <see cref="PointOfOriginInAxisOrder"/>.</summary>
    public CrsAxisOrder AxisOrder { get; }

    /// <summary>TopLeftCorner (WMTS) / pointOfOrigin (2D-TMS) in the CRS's axis order — "90 -180" for EPSG:4490.</summary>
    public (double First, double Second) PointOfOriginInAxisOrder =>
        AxisOrder == CrsAxisOrder.NorthEast ? (OriginY, OriginX) : (OriginX, OriginY);

    public int TileWidth { get; }

    public int TileHeight { get; }

    /// <summary>Number of tile columns.</summary>
    public int MatrixWidth { get; }

    /// <summary>Number of tile rows.</summary>
    public int MatrixHeight { get; }

    /// <summary>Width of one tile in CRS units.</summary>
    public double TileSpanX => CellSize * TileWidth;

    /// <summary>Height of one tile in CRS units.</summary>
    public double TileSpanY => CellSize * TileHeight;

    /// <summary>X of the right edge of the matrix.</summary>
    public double MaxX => OriginX + (TileSpanX * MatrixWidth);

    /// <summary>Y of the bottom edge of the matrix.</summary>
    public double MinY => OriginY - (TileSpanY * MatrixHeight);

    public bool Contains(int column, int row) => column >= 0 && row >= 0 && column < MatrixWidth && row < MatrixHeight;
}
