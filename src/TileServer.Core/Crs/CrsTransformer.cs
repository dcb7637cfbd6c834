namespace TileServer.Core.Crs;

using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using TileServer.Core.Geometry;

/// <summary>Transforms coordinates between the storage CRS (CGCS2000 longitude/latitude) and one other
/// supported CRS, always in east/north order (adapters swap axes at the edge, see <see cref="CrsReference"/>).
/// CGCS2000 and WGS 84 agree to a few centimetres, below what planning data resolves, so 4490 ↔ 4326/CRS84
/// is the identity, as PROJ's own ballpark transformation between them is. Web Mercator uses its closed
/// formulas; the Gauss-Krüger zones go through ProjNet's transverse Mercator. Not thread-safe (ProjNet
/// transforms are not documented as such): create one per request or per thread.</summary>
public sealed class CrsTransformer
{
    private static readonly CoordinateSystemFactory Factory = new();
    private static readonly CoordinateTransformationFactory TransformFactory = new();

    private readonly Kind kind;
    private readonly MathTransform? projection;

    private CrsTransformer(Kind kind, MathTransform? projection)
    {
        this.kind = kind;
        this.projection = projection;
    }

    private enum Kind
    {
        Identity,
        ToWebMercator,
        FromWebMercator,
        Projection,
    }

    public bool IsIdentity => kind == Kind.Identity;

    /// <summary>From CGCS2000 lon/lat to <paramref name="target"/>.</summary>
    public static CrsTransformer FromStorage(CoordinateReferenceSystem target) => Create(target, forward: true);

    /// <summary>From <paramref name="source"/> to CGCS2000 lon/lat.</summary>
    public static CrsTransformer ToStorage(CoordinateReferenceSystem source) => Create(source, forward: false);

    public (double X, double Y) Transform(double x, double y) => kind switch
    {
        Kind.Identity => (x, y),
        Kind.ToWebMercator => (Tiling.WebMercator.LongitudeToX(x), Tiling.WebMercator.LatitudeToY(Math.Clamp(y, -85.0511287798066, 85.0511287798066))),
        Kind.FromWebMercator => (Tiling.WebMercator.XToLongitude(x), Tiling.WebMercator.YToLatitude(y)),
        _ => projection!.Transform(x, y),
    };

    /// <summary>The envelope of a box's image, sampling each edge at <paramref name="pointsPerEdge"/>
    /// points: projected edges bend, so the corners alone would cut off parts of the box.</summary>
    public BoundingBox TransformBox(BoundingBox box, int pointsPerEdge = 16)
    {
        if (IsIdentity)
            return box;
        var result = BoundingBox.Empty;
        for (int i = 0; i <= pointsPerEdge; i++)
        {
            double t = (double)i / pointsPerEdge;
            double x = box.MinX + t * box.Width, y = box.MinY + t * box.Height;
            foreach (var (px, py) in new[] { (x, box.MinY), (x, box.MaxY), (box.MinX, y), (box.MaxX, y) })
            {
                var (tx, ty) = Transform(px, py);
                result = result.ExpandToInclude(tx, ty);
            }
        }

        return result;
    }

    /// <summary>A transformed copy of an NTS geometry (the input is not modified).</summary>
    public NetTopologySuite.Geometries.Geometry Transform(NetTopologySuite.Geometries.Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var copy = geometry.Copy();
        if (IsIdentity)
            return copy;
        copy.Apply(new CoordinateFilter(this));
        copy.GeometryChanged();
        return copy;
    }

    private static CrsTransformer Create(CoordinateReferenceSystem other, bool forward)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsGeographic)
            return new CrsTransformer(Kind.Identity, null);
        if (ReferenceEquals(other, CrsRegistry.WebMercator))
            return new CrsTransformer(forward ? Kind.ToWebMercator : Kind.FromWebMercator, null);
        if (other.Wkt is null)
            throw new ArgumentException($"{other.ShortForm} has no definition to transform with", nameof(other));

        var geographic = (CoordinateSystem)Factory.CreateFromWkt(CrsRegistry.Cgcs2000Wkt);
        var projected = (CoordinateSystem)Factory.CreateFromWkt(other.Wkt);
        var transform = forward
            ? TransformFactory.CreateFromCoordinateSystems(geographic, projected)
            : TransformFactory.CreateFromCoordinateSystems(projected, geographic);
        return new CrsTransformer(Kind.Projection, transform.MathTransform);
    }

    private sealed class CoordinateFilter(CrsTransformer transformer) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transformer.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
