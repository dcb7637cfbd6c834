namespace TileServer.Sources.GeoPackage.Schema;

using NetTopologySuite.Geometries;
using TileServer.Core.Features;

/// <summary>Maps between <see cref="GeometryKind"/> and the geometry_type_name values of GeoPackage 1.3
/// §2.1.5.1.2 / Annex E, and checks that a geometry may be stored under a declared type.</summary>
internal static class GeometryTypeNames
{
    public static string ToGeoPackage(GeometryKind kind) => GeometryKinds.ToName(kind);

    /// <summary>Types this project cannot name more precisely (GEOMETRYCOLLECTION, curves) read as
    /// <see cref="GeometryKind.Geometry"/>.</summary>
    public static GeometryKind FromGeoPackage(string name) => GeometryKinds.FromName(name);

    /// <summary>GeoPackage 1.3 §2.1.6 (feature user data tables): stored geometries must be of the
    /// declared geometry_type_name or a subtype of it; GEOMETRY accepts all.</summary>
    public static bool Accepts(GeometryKind kind, Geometry geometry) => kind switch
    {
        GeometryKind.Geometry => true,
        GeometryKind.Point => geometry is Point,
        GeometryKind.LineString => geometry is LineString,
        GeometryKind.Polygon => geometry is Polygon,
        GeometryKind.MultiPoint => geometry is MultiPoint,
        GeometryKind.MultiLineString => geometry is MultiLineString,
        GeometryKind.MultiPolygon => geometry is MultiPolygon,
        _ => false,
    };
}
