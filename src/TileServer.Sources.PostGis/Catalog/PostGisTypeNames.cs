namespace TileServer.Sources.PostGis.Catalog;

using TileServer.Core.Features;

/// <summary>Maps catalogue type names to the portable field and geometry types.</summary>
internal static class PostGisTypeNames
{
    /// <summary>pg_type.typname of a column to a field type; null for types not carried (dates, json, …).</summary>
    public static FieldType? ToFieldType(string typeName) => typeName switch
    {
        "text" or "varchar" or "bpchar" or "name" => FieldType.Text,
        "int2" or "int4" or "int8" => FieldType.Integer,
        "float4" or "float8" or "numeric" => FieldType.Real,
        _ => null,
    };

    /// <summary>geometry_columns.type (e.g. MULTIPOLYGON, POLYGONM) to a geometry kind.</summary>
    public static GeometryKind ToGeometryKind(string type)
    {
        var upper = type.ToUpperInvariant();
        // geometry_columns appends M for measured types (PostGIS manual §4.6.2); Z is a separate dimension column.
        if (upper.EndsWith('M') && upper != "GEOMETRY")
            upper = upper[..^1];
        return GeometryKinds.FromName(upper);
    }

    /// <summary>The typmod name for geometry(…, srid) columns an importer creates.</summary>
    public static string ToTypmodName(GeometryKind kind) => kind switch
    {
        GeometryKind.Point => "Point",
        GeometryKind.LineString => "LineString",
        GeometryKind.Polygon => "Polygon",
        GeometryKind.MultiPoint => "MultiPoint",
        GeometryKind.MultiLineString => "MultiLineString",
        GeometryKind.MultiPolygon => "MultiPolygon",
        _ => "Geometry",
    };

    /// <summary>The column type an importer creates for a field.</summary>
    public static string ToColumnType(FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Integer => "bigint",
        FieldType.Real => "double precision",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The cast applied when reading a field, so every value arrives as text, int8 or float8.</summary>
    public static string ToReadCast(FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Integer => "int8",
        FieldType.Real => "float8",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
