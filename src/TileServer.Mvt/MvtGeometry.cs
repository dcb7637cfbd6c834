using TileServer.Mvt.Geometry;

namespace TileServer.Mvt;

/// <summary>
/// Collects one feature's geometry in tile-space doubles: x to the right, y down, origin at the tile's top-left
/// corner, units are extent units (0..Extent spans the tile). Instances are meant to be reused via
/// <see cref="Reset"/>; the backing arrays are kept, so steady-state use does not allocate.
/// </summary>
public sealed class MvtGeometry
{
    private double[] _xs;
    private double[] _ys;
    private readonly List<GeometryPart> _parts = new();

    public MvtGeometry()
        : this(MvtGeometryType.Unknown)
    {
    }

    public MvtGeometry(MvtGeometryType type)
    {
        _xs = new double[64];
        _ys = new double[64];
        Type = type;
    }

    public MvtGeometryType Type { get; private set; }

    public int PointCount { get; private set; }

    internal ReadOnlySpan<double> Xs => _xs.AsSpan(0, PointCount);

    internal ReadOnlySpan<double> Ys => _ys.AsSpan(0, PointCount);

    internal int PartCount => _parts.Count;

    internal GeometryPart GetPart(int index) => _parts[index];

    /// <summary>End (exclusive) of the points of part <paramref name="index"/>.</summary>
    internal int GetPartEnd(int index) => index + 1 < _parts.Count ? _parts[index + 1].Start : PointCount;

    public void Reset(MvtGeometryType type)
    {
        Type = type;
        PointCount = 0;
        _parts.Clear();
    }

    /// <summary>
    /// Polygon type only: the next ring is an exterior ring; the rings that follow (each begun with
    /// <see cref="BeginPart"/>) until the next <see cref="BeginPolygon"/> are its holes.
    /// </summary>
    public void BeginPolygon()
    {
        if (Type != MvtGeometryType.Polygon)
        {
            throw new InvalidOperationException("BeginPolygon is only valid for Polygon geometries.");
        }

        if (IsLastPartEmpty())
        {
            _parts[^1] = new GeometryPart(PointCount, StartsPolygon: true);
            return;
        }

        _parts.Add(new GeometryPart(PointCount, StartsPolygon: true));
    }

    /// <summary>Starts a new ring (Polygon) or line (LineString). For Point every added point is its own point anyway.</summary>
    public void BeginPart()
    {
        if (IsLastPartEmpty())
        {
            return;
        }

        // The first ring of a polygon geometry is an exterior even if the caller never called BeginPolygon.
        bool startsPolygon = Type == MvtGeometryType.Polygon && _parts.Count == 0;
        _parts.Add(new GeometryPart(PointCount, startsPolygon));
    }

    public void AddPoint(double x, double y)
    {
        if (Type == MvtGeometryType.Unknown)
        {
            throw new InvalidOperationException("Call Reset with a geometry type before adding points.");
        }

        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            throw new ArgumentOutOfRangeException(nameof(x), "Tile coordinates must be finite.");
        }

        if (_parts.Count == 0)
        {
            _parts.Add(new GeometryPart(0, StartsPolygon: Type == MvtGeometryType.Polygon));
        }

        if (PointCount == _xs.Length)
        {
            Array.Resize(ref _xs, _xs.Length * 2);
            Array.Resize(ref _ys, _ys.Length * 2);
        }

        _xs[PointCount] = x;
        _ys[PointCount] = y;
        PointCount++;
    }

    private bool IsLastPartEmpty() => _parts.Count > 0 && _parts[^1].Start == PointCount;
}
