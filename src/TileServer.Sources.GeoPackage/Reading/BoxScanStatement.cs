namespace TileServer.Sources.GeoPackage.Reading;

using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using TileServer.Core.Features;

/// <summary>
/// The tile path's box scan (<see cref="FeatureQuerySql"/>) stepped through SQLitePCL.raw, the layer that
/// Microsoft.Data.Sqlite itself sits on. A tile reads thousands of rows, and reading the geometry blob as a
/// span straight from sqlite3_column_blob skips the per-row bookkeeping of SqliteDataReader (about a fifth
/// of a dense raster tile's time). Parameters are bound by name, as with a SqliteCommand: the SQL text
/// never holds values.
/// </summary>
internal sealed class BoxScanStatement : IDisposable
{
    private const int SqliteRow = 100;
    private const int SqliteDone = 101;

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    /// <summary>The statement's native pointer for <see cref="SqliteColumnCalls"/>; valid until <see cref="Dispose"/>,
    /// since <see cref="statement"/> owns it.</summary>
    private readonly nint handle;

    public BoxScanStatement(SqliteConnection connection, SqlStatement sql)
    {
        database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, sql.Text, out statement));
        foreach (var (name, value) in sql.Parameters)
        {
            var index = raw.sqlite3_bind_parameter_index(statement, name);
            if (index == 0)
                continue; // Without an R-tree the scan has no box to bind; SqliteCommand skips such parameters too.
            Check(value switch
            {
                double d => raw.sqlite3_bind_double(statement, index, d),
                long l => raw.sqlite3_bind_int64(statement, index, l),
                string s => raw.sqlite3_bind_text(statement, index, s),
                _ => throw new ArgumentException($"parameter {name}: unsupported type {value.GetType().Name}", nameof(sql)),
            });
        }

        handle = statement.DangerousGetHandle();
    }

    /// <summary>Advances to the next row; false at the end. SQLITE_INTERRUPT surfaces as a
    /// <see cref="SqliteException"/> with that code, as it does through SqliteDataReader.</summary>
    public bool Step()
    {
        var result = SqliteColumnCalls.Step(handle);
        if (result == SqliteRow)
            return true;
        if (result == SqliteDone)
            return false;
        Check(result);
        return false;
    }

    public long Int64(int ordinal) => SqliteColumnCalls.Int64(handle, ordinal);

    public double Double(int ordinal) => SqliteColumnCalls.Double(handle, ordinal);

    public bool IsNull(int ordinal) => SqliteColumnCalls.Type(handle, ordinal) == SqliteColumnCalls.NullClass;

    /// <summary>The value's storage class: 1 integer, 2 real, 3 text, 4 blob, 5 NULL (SQLite "Datatypes").</summary>
    public int StorageClass(int ordinal) => SqliteColumnCalls.Type(handle, ordinal);

    /// <summary>A text value's bytes in UTF-8 (sqlite3_column_text converts from a UTF-16 database), without the
    /// terminating zero, valid until the next <see cref="Step"/>. Not checked for well-formedness.</summary>
    public ReadOnlySpan<byte> Utf8(int ordinal)
    {
        // column_text first, then column_bytes: in that order the length is the UTF-8 one (SQLite, "Result
        // Values From A Query").
        var text = SqliteColumnCalls.Text(handle, ordinal);
        return SqliteColumnCalls.Span(text, SqliteColumnCalls.Bytes(handle, ordinal));
    }

    /// <summary>The column's bytes, valid until the next <see cref="Step"/>.</summary>
    public ReadOnlySpan<byte> Blob(int ordinal)
    {
        // column_blob first, then column_bytes, as for text: the length is then that of the blob returned.
        var blob = SqliteColumnCalls.Blob(handle, ordinal);
        return SqliteColumnCalls.Span(blob, SqliteColumnCalls.Bytes(handle, ordinal));
    }

    /// <summary>The column as the field's declared type, by the same rules as <see cref="FieldValueReading"/>.
    /// With an <paramref name="interner"/>, text read into a text field is shared with earlier equal values.</summary>
    public object? Value(int ordinal, FieldType type, Utf8TextInterner? interner = null)
    {
        var storageClass = SqliteColumnCalls.Type(handle, ordinal);
        if (storageClass == SqliteColumnCalls.TextClass && type == FieldType.Text && interner is not null)
            return interner.Get(Utf8(ordinal));
        object? stored = storageClass switch
        {
            SqliteColumnCalls.NullClass => null,
            SqliteColumnCalls.IntegerClass => SqliteColumnCalls.Int64(handle, ordinal),
            SqliteColumnCalls.FloatClass => SqliteColumnCalls.Double(handle, ordinal),
            // All of column_bytes, as SqliteDataReader reads it (an embedded NUL stays, as in the refined queries).
            SqliteColumnCalls.TextClass => Encoding.UTF8.GetString(Utf8(ordinal)),
            _ => Array.Empty<byte>(), // A blob has no value in an attribute field; its bytes are never needed.
        };
        return stored is null ? null : FieldValueReading.Normalise(stored, type);
    }

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result is 0 or SqliteRow or SqliteDone)
            return;
        throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
    }
}
