namespace TileServer.Core.Features;

/// <summary>
/// Forward-only access to the stored rows of one feature table for bulk copies (the PostGIS import): the
/// geometry as the ISO WKB it was stored in and each field in its declared type, as spans and scalars valid
/// only until the next <see cref="Read"/>. Nothing is allocated per row, which the object-per-row
/// <see cref="IFeatureSource.QueryAsync"/> cannot offer; rows without a geometry (NULL or empty) are skipped,
/// as queries skip them.
/// </summary>
public interface IStoredFeatureRowReader : IDisposable
{
    /// <summary>The fields, in the order the accessors' <c>field</c> index follows.</summary>
    IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Moves to the next row with a geometry; false after the last.</summary>
    bool Read();

    /// <summary>The current row's geometry as stored (ISO WKB, 2D or not, any kind).</summary>
    ReadOnlySpan<byte> Wkb { get; }

    /// <summary>Whether the field has no value in the declared type (NULL, or a stored value that does not convert).</summary>
    bool IsNull(int field);

    /// <summary>An <see cref="FieldType.Integer"/> field's value.</summary>
    long GetInt64(int field);

    /// <summary>A <see cref="FieldType.Real"/> field's value.</summary>
    double GetDouble(int field);

    /// <summary>A <see cref="FieldType.Text"/> field's value as well-formed UTF-8.</summary>
    ReadOnlySpan<byte> GetUtf8(int field);
}
