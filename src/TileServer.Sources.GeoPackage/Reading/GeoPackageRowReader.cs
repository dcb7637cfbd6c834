namespace TileServer.Sources.GeoPackage.Reading;

using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Microsoft.Data.Sqlite;
using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Binary;

/// <summary>
/// A whole feature table in primary-key order, row by row, for bulk copies: the geometry blob and text values
/// are handed out as spans over SQLite's own buffers, integers and reals as scalars, so a row costs no
/// allocation. A value whose storage class differs from the field's declared type is converted by the rules
/// every other read follows (<see cref="FieldValueReading.Normalise"/>), and text that is not well-formed UTF-8
/// is repaired as a string read would repair it (U+FFFD), so both reads yield the same values.
/// </summary>
internal sealed class GeoPackageRowReader : IStoredFeatureRowReader
{
    private readonly SqliteConnection connection;
    private readonly BoxScanStatement scan;
    private readonly CancellationTokenRegistration interruption;
    private readonly CancellationToken cancellationToken;
    private readonly FieldType[] types;
    private readonly int[] nativeClasses;
    private readonly int[] storedClasses;
    private readonly object?[] converted;
    private readonly byte[]?[] repairedText;
    private readonly int[] repairedLength;
    private int wkbOffset;

    public GeoPackageRowReader(SqliteConnection connection, SqlStatement sql, IReadOnlyList<FieldDefinition> fields, CancellationToken cancellationToken)
    {
        this.connection = connection;
        this.cancellationToken = cancellationToken;
        Fields = fields;
        types = fields.Select(f => f.Type).ToArray();
        nativeClasses = types.Select(t => t switch { FieldType.Integer => SqliteColumnCalls.IntegerClass, FieldType.Real => SqliteColumnCalls.FloatClass, _ => SqliteColumnCalls.TextClass }).ToArray();
        storedClasses = new int[types.Length];
        converted = new object?[types.Length];
        repairedText = new byte[]?[types.Length];
        repairedLength = new int[types.Length];
        scan = new BoxScanStatement(connection, sql);

        interruption = SqliteInterruption.Register(connection, cancellationToken);
    }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    public ReadOnlySpan<byte> Wkb
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => scan.Blob(1)[wkbOffset..];
    }

    // The accessors below run a few hundred thousand times within the first second of a short import process:
    // tiered compilation would run them unoptimised, then instrumented, for much of that second (measured,
    // docs/benchmarks.md "Import into PostGIS"), so they are compiled fully optimised from the start.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SqliteInterruption.Run(static s => s.Step(), scan, cancellationToken))
                return false;
            var blob = scan.Blob(1);
            if (blob.IsEmpty)
                continue; // NULL: the SQL already leaves these out
            var header = GeoPackageBinary.ReadHeader(blob);
            if (header.IsEmpty)
                continue;
            wkbOffset = header.Length;
            for (var i = 0; i < types.Length; i++)
            {
                var stored = scan.StorageClass(i + 2);
                storedClasses[i] = stored;
                repairedLength[i] = -1;
                if (stored != SqliteColumnCalls.NullClass && stored != nativeClasses[i])
                    converted[i] = scan.Value(i + 2, types[i]);
            }

            return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsNull(int field)
    {
        var stored = storedClasses[field];
        return stored == SqliteColumnCalls.NullClass || (stored != nativeClasses[field] && converted[field] is null);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long GetInt64(int field) => storedClasses[field] == SqliteColumnCalls.IntegerClass ? scan.Int64(field + 2) : (long)converted[field]!;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double GetDouble(int field) => storedClasses[field] == SqliteColumnCalls.FloatClass ? scan.Double(field + 2) : (double)converted[field]!;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> GetUtf8(int field)
    {
        if (repairedLength[field] >= 0)
            return repairedText[field].AsSpan(0, repairedLength[field]);
        if (storedClasses[field] == SqliteColumnCalls.TextClass)
        {
            var text = scan.Utf8(field + 2);
            if (Utf8.IsValid(text))
                return text;
            return Repaired(field, Encoding.UTF8.GetString(text));
        }

        return Repaired(field, (string)converted[field]!);
    }

    public void Dispose()
    {
        interruption.Dispose();
        scan.Dispose();
        connection.Dispose();
    }

    /// <summary>The text re-encoded into this field's scratch buffer, kept for the rest of the row.</summary>
    private ReadOnlySpan<byte> Repaired(int field, string text)
    {
        var needed = Encoding.UTF8.GetByteCount(text);
        if (repairedText[field] is not { } scratch || scratch.Length < needed)
            repairedText[field] = scratch = new byte[Math.Max(needed, 64)];
        repairedLength[field] = Encoding.UTF8.GetBytes(text, scratch);
        return scratch.AsSpan(0, repairedLength[field]);
    }
}
