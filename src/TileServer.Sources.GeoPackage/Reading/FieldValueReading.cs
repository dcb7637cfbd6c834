namespace TileServer.Sources.GeoPackage.Reading;

using System.Globalization;
using Microsoft.Data.Sqlite;
using TileServer.Core.Features;

/// <summary>Reads a column as the field's declared type. SQLite's type affinity lets a REAL column
/// hold integers and any column hold text, so the stored class is normalised to long, double or
/// string.</summary>
internal static class FieldValueReading
{
    public static object? Read(SqliteDataReader reader, int ordinal, FieldType type) =>
        reader.IsDBNull(ordinal) ? null : Normalise(reader.GetValue(ordinal), type);

    /// <summary>A stored value (long, double, string or byte[]) as the field's declared type.</summary>
    public static object? Normalise(object value, FieldType type)
    {
        return type switch
        {
            FieldType.Integer => value switch
            {
                long l => l,
                double d => (long)d,
                string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            },
            FieldType.Real => value switch
            {
                double d => d,
                long l => (double)l,
                string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            },
            _ => value switch
            {
                string s => s,
                byte[] => null,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            },
        };
    }
}
