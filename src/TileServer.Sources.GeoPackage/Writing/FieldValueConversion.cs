namespace TileServer.Sources.GeoPackage.Writing;

using System.Globalization;
using TileServer.Core.Features;

/// <summary>Turns a feature value into what its column stores, so a REAL column never receives text
/// and readers see the declared storage class.</summary>
internal static class FieldValueConversion
{
    public static object ToColumnValue(object? value, FieldType type) => value switch
    {
        null or DBNull => DBNull.Value,
        _ => type switch
        {
            FieldType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            FieldType.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        },
    };
}
