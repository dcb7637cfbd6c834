namespace TileServer.Sources.GeoPackage.Reading;

using System.Globalization;
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
    private const int SqliteInteger = 1;
    private const int SqliteFloat = 2;
    private const int SqliteText = 3;
    private const int SqliteNull = 5;

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

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
    }

    /// <summary>Advances to the next row; false at the end. SQLITE_INTERRUPT surfaces as a
    /// <see cref="SqliteException"/> with that code, as it does through SqliteDataReader.</summary>
    public bool Step()
    {
        var result = raw.sqlite3_step(statement);
        if (result == SqliteRow)
            return true;
        if (result == SqliteDone)
            return false;
        Check(result);
        return false;
    }

    public long Int64(int ordinal) => raw.sqlite3_column_int64(statement, ordinal);

    public double Double(int ordinal) => raw.sqlite3_column_double(statement, ordinal);

    public bool IsNull(int ordinal) => raw.sqlite3_column_type(statement, ordinal) == SqliteNull;

    /// <summary>The column's bytes, valid until the next <see cref="Step"/>.</summary>
    public ReadOnlySpan<byte> Blob(int ordinal) => raw.sqlite3_column_blob(statement, ordinal);

    /// <summary>The column as the field's declared type, normalised like <see cref="FieldValueReading"/>:
    /// SQLite's type affinity lets any column hold any storage class.</summary>
    public object? Value(int ordinal, FieldType type)
    {
        var storage = raw.sqlite3_column_type(statement, ordinal);
        if (storage == SqliteNull)
            return null;
        return type switch
        {
            FieldType.Integer => storage switch
            {
                SqliteInteger => raw.sqlite3_column_int64(statement, ordinal),
                SqliteFloat => (long)raw.sqlite3_column_double(statement, ordinal),
                SqliteText when long.TryParse(Text(ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            },
            FieldType.Real => storage switch
            {
                SqliteFloat => raw.sqlite3_column_double(statement, ordinal),
                SqliteInteger => (double)raw.sqlite3_column_int64(statement, ordinal),
                SqliteText when double.TryParse(Text(ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            },
            _ => storage switch
            {
                SqliteText => Text(ordinal),
                SqliteInteger => raw.sqlite3_column_int64(statement, ordinal).ToString(CultureInfo.InvariantCulture),
                SqliteFloat => raw.sqlite3_column_double(statement, ordinal).ToString(CultureInfo.InvariantCulture),
                _ => null, // A blob in a text field has no textual value.
            },
        };
    }

    public void Dispose() => statement.Dispose();

    private string Text(int ordinal) => raw.sqlite3_column_text(statement, ordinal).utf8_to_string();

    private void Check(int result)
    {
        if (result is 0 or SqliteRow or SqliteDone)
            return;
        throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
    }
}
