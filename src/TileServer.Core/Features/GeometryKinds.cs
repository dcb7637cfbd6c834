namespace TileServer.Core.Features;

/// <summary>The OGC Simple Features names and ISO WKB type codes (OGC 06-103r4 §6.1, §8.2.3) of the geometry
/// kinds, shared by every store that declares geometry types by name (GeoPackage geometry_type_name,
/// PostGIS geometry_columns.type and typmods) or reads WKB headers.</summary>
public static class GeometryKinds
{
    /// <summary>Upper-case name: GEOMETRY, POINT, …, MULTIPOLYGON.</summary>
    public static string ToName(GeometryKind kind) => kind switch
    {
        GeometryKind.Geometry => "GEOMETRY",
        GeometryKind.Point => "POINT",
        GeometryKind.LineString => "LINESTRING",
        GeometryKind.Polygon => "POLYGON",
        GeometryKind.MultiPoint => "MULTIPOINT",
        GeometryKind.MultiLineString => "MULTILINESTRING",
        GeometryKind.MultiPolygon => "MULTIPOLYGON",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown geometry kind"),
    };

    /// <summary>Case-insensitive; names this project cannot carry more precisely (GEOMETRYCOLLECTION,
    /// curves, surfaces) read as <see cref="GeometryKind.Geometry"/>.</summary>
    public static GeometryKind FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "POINT" => GeometryKind.Point,
            "LINESTRING" => GeometryKind.LineString,
            "POLYGON" => GeometryKind.Polygon,
            "MULTIPOINT" => GeometryKind.MultiPoint,
            "MULTILINESTRING" => GeometryKind.MultiLineString,
            "MULTIPOLYGON" => GeometryKind.MultiPolygon,
            _ => GeometryKind.Geometry,
        };
    }

    /// <summary>The 2D WKB type code (1–6), or 0 for <see cref="GeometryKind.Geometry"/>.</summary>
    public static uint WkbCode(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => 1,
        GeometryKind.LineString => 2,
        GeometryKind.Polygon => 3,
        GeometryKind.MultiPoint => 4,
        GeometryKind.MultiLineString => 5,
        GeometryKind.MultiPolygon => 6,
        _ => 0,
    };
}
