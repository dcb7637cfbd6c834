namespace TileServer.Core.Tiling;

using TileServer.Core.Geometry;

/// <summary>A tile matrix set (OGC 17-083r4 §6.1; WMTS 07-057r7 §6.1): one CRS, one top-left origin and a
/// pyramid of <see cref="TileMatrix"/> levels. Boxes and points are x/y (east/north) in CRS units; only
/// documents swap to the CRS axis order. Geographic input is longitude/latitude on WGS 84 or CGCS2000 —
/// the two frames differ by centimetres, far below a pixel at any served level.</summary>
public sealed class TileMatrixSet
{
    private readonly TileMatrix[] _matrices;

    public TileMatrixSet(string id, string title, string crsUri, string? wellKnownScaleSet, CrsAxisOrder axisOrder,
        bool isGeographic, double metersPerUnit, IReadOnlyList<TileMatrix> matrices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(crsUri);
        ArgumentNullException.ThrowIfNull(matrices);
        if (matrices.Count == 0)
        {
            throw new ArgumentException("A tile matrix set needs at least one tile matrix.", nameof(matrices));
        }

        for (int i = 1; i < matrices.Count; i++)
        {
            // Zoom doubles as an array offset, so levels must be consecutive.
            if (matrices[i].Zoom != matrices[0].Zoom + i)
            {
                throw new ArgumentException($"Tile matrix {matrices[i].Identifier} breaks the consecutive level order.", nameof(matrices));
            }
        }

        Id = id;
        Title = title;
        CrsUri = crsUri;
        WellKnownScaleSet = wellKnownScaleSet;
        AxisOrder = axisOrder;
        IsGeographic = isGeographic;
        MetersPerUnit = metersPerUnit;
        _matrices = [.. matrices];
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>CRS as an OGC URI, e.g. http://www.opengis.net/def/crs/EPSG/0/3857.</summary>
    public string CrsUri { get; }

    /// <summary>WMTS well-known scale set URN (07-057r7 Annex E), or null when none applies.</summary>
    public string? WellKnownScaleSet { get; }

    public CrsAxisOrder AxisOrder { get; }

    /// <summary>True when CRS units are degrees of longitude/latitude.</summary>
    public bool IsGeographic { get; }

    /// <summary>Metres per CRS unit, used by the scale rule ScaleDenominator = cellSize · metersPerUnit / 0.00028.</summary>
    public double MetersPerUnit { get; }

    public IReadOnlyList<TileMatrix> Matrices => _matrices;

    public int MinZoom => _matrices[0].Zoom;

    public int MaxZoom => _matrices[^1].Zoom;

    public bool TryGetMatrix(int zoom, out TileMatrix matrix)
    {
        int index = zoom - MinZoom;
        if (index < 0 || index >= _matrices.Length)
        {
            matrix = null!;
            return false;
        }

        matrix = _matrices[index];
        return true;
    }

    public TileMatrix GetMatrix(int zoom) =>
        TryGetMatrix(zoom, out TileMatrix matrix)
            ? matrix
            : throw new ArgumentOutOfRangeException(nameof(zoom), zoom, $"{Id} has tile matrices {MinZoom}–{MaxZoom}.");

    public bool IsValid(in TileCoordinate tile) =>
        TryGetMatrix(tile.Zoom, out TileMatrix matrix) && matrix.Contains(tile.Column, tile.Row);

    /// <summary>Converts longitude/latitude to CRS x/y; latitude is clamped to the Web Mercator limit there.</summary>
    public (double X, double Y) FromLonLat(double longitude, double latitude) =>
        IsGeographic ? (longitude, latitude) : (WebMercator.LongitudeToX(longitude), WebMercator.LatitudeToY(latitude));

    /// <summary>Bounds of a tile in CRS units, x/y order.</summary>
    public BoundingBox TileBounds(in TileCoordinate tile)
    {
        TileMatrix matrix = GetMatrix(tile.Zoom);
        if (!matrix.Contains(tile.Column, tile.Row))
        {
            throw new ArgumentOutOfRangeException(nameof(tile), tile, $"Outside tile matrix {matrix.Identifier} of {Id}.");
        }

        // Edges come from integer multiples of the span so neighbouring tiles share bit-identical edges.
        double minX = matrix.OriginX + (tile.Column * matrix.TileSpanX);
        double maxX = matrix.OriginX + ((tile.Column + 1) * matrix.TileSpanX);
        double maxY = matrix.OriginY - (tile.Row * matrix.TileSpanY);
        double minY = matrix.OriginY - ((tile.Row + 1) * matrix.TileSpanY);
        return new BoundingBox(minX, minY, maxX, maxY);
    }

    /// <summary>The tile holding a CRS point; a point on a shared edge belongs to the tile right of / below
    /// it, and points beyond the world clamp to the edge tiles.</summary>
    public TileCoordinate TileAt(double x, double y, int zoom)
    {
        TileMatrix matrix = GetMatrix(zoom);
        int column = ClampIndex(Math.Floor((x - matrix.OriginX) / matrix.TileSpanX), matrix.MatrixWidth);
        int row = ClampIndex(Math.Floor((matrix.OriginY - y) / matrix.TileSpanY), matrix.MatrixHeight);
        return new TileCoordinate(zoom, column, row);
    }

    public TileCoordinate TileAtLonLat(double longitude, double latitude, int zoom)
    {
        (double x, double y) = FromLonLat(longitude, latitude);
        return TileAt(x, y, zoom);
    }

    /// <summary>Rows and columns of the tiles a longitude/latitude box touches at one level, clamped to
    /// the matrix. A box edge lying exactly on a tile edge does not pull in the neighbouring tile.</summary>
    public TileMatrixLimits LimitsFor(in BoundingBox lonLatBox, int zoom)
    {
        if (lonLatBox.IsEmpty)
        {
            throw new ArgumentException("The bounding box is empty.", nameof(lonLatBox));
        }

        TileMatrix matrix = GetMatrix(zoom);
        (double minX, double minY) = FromLonLat(Math.Clamp(lonLatBox.MinX, -180, 180), Math.Clamp(lonLatBox.MinY, -90, 90));
        (double maxX, double maxY) = FromLonLat(Math.Clamp(lonLatBox.MaxX, -180, 180), Math.Clamp(lonLatBox.MaxY, -90, 90));

        double left = (minX - matrix.OriginX) / matrix.TileSpanX;
        double right = (maxX - matrix.OriginX) / matrix.TileSpanX;
        double top = (matrix.OriginY - maxY) / matrix.TileSpanY;
        double bottom = (matrix.OriginY - minY) / matrix.TileSpanY;

        int minColumn = ClampIndex(Math.Floor(left), matrix.MatrixWidth);
        int maxColumn = Math.Max(minColumn, ClampIndex(Math.Ceiling(right) - 1, matrix.MatrixWidth));
        int minRow = ClampIndex(Math.Floor(top), matrix.MatrixHeight);
        int maxRow = Math.Max(minRow, ClampIndex(Math.Ceiling(bottom) - 1, matrix.MatrixHeight));
        return new TileMatrixLimits(matrix.Identifier, zoom, minRow, maxRow, minColumn, maxColumn);
    }

    /// <summary>Limits for every level in [minZoom, maxZoom] ∩ the set's levels (one TileMatrixSetLimits list).</summary>
    public IReadOnlyList<TileMatrixLimits> LimitsFor(in BoundingBox lonLatBox, int minZoom, int maxZoom)
    {
        int from = Math.Max(minZoom, MinZoom);
        int to = Math.Min(maxZoom, MaxZoom);
        var limits = new List<TileMatrixLimits>(Math.Max(0, to - from + 1));
        for (int zoom = from; zoom <= to; zoom++)
        {
            limits.Add(LimitsFor(lonLatBox, zoom));
        }

        return limits;
    }

    private static int ClampIndex(double index, int count) => (int)Math.Clamp(index, 0, count - 1);

    public override string ToString() => Id;
}
