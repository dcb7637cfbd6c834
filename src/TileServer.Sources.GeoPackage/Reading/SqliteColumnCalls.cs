namespace TileServer.Sources.GeoPackage.Reading;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

/// <summary>
/// sqlite3_step and the sqlite3_column_* accessors called on the statement's raw pointer, in the same native
/// library that SQLitePCL.raw loads ("e_sqlite3", resolved by the same probing, so the pointers are shared).
/// SQLitePCL.raw passes the statement as a SafeHandle, and each call then pays an interlocked AddRef and
/// Release and a marshalling stub: about a twentieth of a dense tile's scan, which makes seven such calls per
/// row (perf, docs/benchmarks.md "Raster tiles against Mapnik").
/// </summary>
/// <remarks>
/// The column accessors also skip the GC transition (<see cref="SuppressGCTransitionAttribute"/>): they return
/// within nanoseconds, never call back and never block. They do take the connection's mutex in SQLite's
/// serialized mode, but that mutex is never contended here: one thread at a time uses a connection, and
/// sqlite3_interrupt, the one call made from another thread, takes no mutex (SQLite, "Interrupt A
/// Long-Running Query"). sqlite3_step is a normal call, since a step may read pages from disk.
/// </remarks>
internal static class SqliteColumnCalls
{
    private const string Library = "e_sqlite3";

    /// <summary>Storage classes that sqlite3_column_type returns (SQLite, "Datatypes In SQLite").</summary>
    public const int IntegerClass = 1;

    /// <inheritdoc cref="IntegerClass"/>
    public const int FloatClass = 2;

    /// <inheritdoc cref="IntegerClass"/>
    public const int TextClass = 3;

    /// <inheritdoc cref="IntegerClass"/>
    public const int NullClass = 5;

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    public static extern int Step(nint statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    public static extern int Type(nint statement, int ordinal);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    public static extern long Int64(nint statement, int ordinal);

    [DllImport(Library, EntryPoint = "sqlite3_column_double")]
    [SuppressGCTransition]
    public static extern double Double(nint statement, int ordinal);

    [DllImport(Library, EntryPoint = "sqlite3_column_blob")]
    [SuppressGCTransition]
    public static extern nint Blob(nint statement, int ordinal);

    [DllImport(Library, EntryPoint = "sqlite3_column_text")]
    [SuppressGCTransition]
    public static extern nint Text(nint statement, int ordinal);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [SuppressGCTransition]
    public static extern int Bytes(nint statement, int ordinal);

    /// <summary>The <paramref name="length"/> bytes at a native address SQLite handed out, as a span (what
    /// SQLitePCL.raw itself does with the pointers it returns). The caller keeps them only while SQLite does.</summary>
    public static ReadOnlySpan<byte> Span(nint address, int length) =>
        length <= 0 || address == 0 ? [] : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), address), length);
}
