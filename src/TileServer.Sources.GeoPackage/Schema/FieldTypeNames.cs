namespace TileServer.Sources.GeoPackage.Schema;

using TileServer.Core.Features;

/// <summary>Maps between <see cref="FieldType"/> and the column data types of GeoPackage 1.3 Table 1.</summary>
internal static class FieldTypeNames
{
    public static string ToGeoPackage(FieldType type) => type switch
    {
        FieldType.Text => "TEXT",
        FieldType.Integer => "INTEGER",
        FieldType.Real => "REAL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown field type"),
    };

    /// <summary>Null for BLOB and other types no protocol of this project can carry.</summary>
    public static FieldType? FromGeoPackage(string declaredType)
    {
        var upper = declaredType.Trim().ToUpperInvariant();
        var parenthesis = upper.IndexOf('(', StringComparison.Ordinal);
        var baseName = parenthesis >= 0 ? upper[..parenthesis].Trim() : upper;
        return baseName switch
        {
            "BOOLEAN" or "TINYINT" or "SMALLINT" or "MEDIUMINT" or "INT" or "INTEGER" or "BIGINT" => FieldType.Integer,
            "FLOAT" or "DOUBLE" or "REAL" or "NUMERIC" => FieldType.Real,
            "TEXT" or "DATE" or "DATETIME" or "VARCHAR" or "CHAR" => FieldType.Text,
            _ => null,
        };
    }
}
