namespace TileServer.SampleData.Geo;

using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using TileServer.Core.Crs;

/// <summary>A CGCS2000 3-degree Gauss-Krüger zone (transverse Mercator, k0 = 1, false easting 500 km,
/// no zone prefix), used for every area in the sample: areas are planar areas in the unit's own zone.
/// Instances are not shared across threads because ProjNet transforms are not documented as thread-safe.</summary>
public sealed class GaussKrugerProjection
{
    private static readonly GeometryFactory PlaneFactory = new(new PrecisionModel(), 0);
    private static readonly GeometryFactory LonLatFactory = new(new PrecisionModel(), 4490);

    private readonly MathTransform forward;
    private readonly MathTransform inverse;

    public GaussKrugerProjection(int centralMeridian)
    {
        CentralMeridian = centralMeridian;
        var factory = new CoordinateSystemFactory();
        var zone = CrsRegistry.GaussKrugerFor(centralMeridian);
        var geographic = (GeographicCoordinateSystem)factory.CreateFromWkt(CrsRegistry.Cgcs2000.Wkt);
        var projected = (ProjectedCoordinateSystem)factory.CreateFromWkt(zone.Wkt);
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(geographic, projected);
        forward = transform.MathTransform;
        inverse = new CoordinateTransformationFactory().CreateFromCoordinateSystems(projected, geographic).MathTransform;
    }

    public int CentralMeridian { get; }

    /// <summary>Zone rule of tile_grids.json: n = floor((lon + 1.5) / 3), central meridian 3n.</summary>
    public static int CentralMeridianFor(double longitude) => 3 * (int)Math.Floor((longitude + 1.5) / 3.0);

    /// <summary>The projection of a unit, chosen by the longitude of its centroid.</summary>
    public static GaussKrugerProjection ForLonLat(Geometry lonLat) => new(CentralMeridianFor(lonLat.Centroid.X));

    public Coordinate ToPlane(double lon, double lat)
    {
        var (x, y) = forward.Transform(lon, lat);
        return new Coordinate(x, y);
    }

    public Coordinate ToLonLat(double x, double y)
    {
        var (lon, lat) = inverse.Transform(x, y);
        return new Coordinate(lon, lat);
    }

    public Geometry ToPlane(Geometry lonLat) => Map(lonLat, PlaneFactory, c => ToPlane(c.X, c.Y));

    public Geometry ToLonLat(Geometry plane) => Map(plane, LonLatFactory, c => ToLonLat(c.X, c.Y));

    /// <summary>Like <see cref="ToLonLat(Geometry)"/>, but plane vertices found in <paramref name="pinned"/>
    /// (keyed by integer millimetres) take the given lon/lat exactly, so unit borders projected in
    /// different zones still meet vertex for vertex.</summary>
    public Geometry ToLonLat(Geometry plane, IReadOnlyDictionary<(long X, long Y), Coordinate> pinned) =>
        Map(plane, LonLatFactory, c => pinned.TryGetValue(((long)Math.Round(c.X * 1000), (long)Math.Round(c.Y * 1000)), out var fixedPoint)
            ? fixedPoint.Copy()
            : ToLonLat(c.X, c.Y));

    private static Geometry Map(Geometry source, GeometryFactory factory, Func<Coordinate, Coordinate> map)
    {
        var copy = factory.CreateGeometry(source);
        copy.Apply(new CoordinateMapFilter(map));
        copy.GeometryChanged();
        return copy;
    }
}
