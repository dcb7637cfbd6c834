namespace TileServer.Sources.GeoPackage.Reading;

using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;
using SQLitePCL;

/// <summary>The SQL functions a read connection needs to answer a refined query entirely in SQL, so that
/// COUNT(*), ORDER BY, LIMIT and OFFSET see exactly the rows the predicate accepts:
/// <list type="bullet">
/// <item>ts_spatial(geom, operand WKB, operator): SQLite has no geometry predicates, so the exact DE-9IM
/// test (FES 2.0 §7.8) is made with NetTopologySuite on each candidate row the R-tree prefilter lets
/// through. This evaluates geometry, not the filter expression: the filter tree is still translated into
/// SQL and only this one leaf predicate calls back into .NET.</item>
/// <item>ts_envelope_meets(geom, minx, miny, maxx, maxy): the exact double envelope test behind
/// <c>FeatureQuery.Bounds</c> (the R-tree holds float32 boxes rounded outwards).</item>
/// <item>ts_is_empty(geom): the empty flag of the GeoPackage header (such rows are never returned).</item>
/// <item>ts_lower(text): Unicode lower-casing for matchCase=false; SQLite's lower() and LIKE fold ASCII only.</item>
/// </list></summary>
internal static class QueryFunctions
{
    private const int Flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;

    // The two answers of the predicates, boxed once: the bodies return object, and a box per row would be garbage.
    private static readonly object True = 1L;
    private static readonly object False = 0L;

    /// <summary>The native connections the functions are registered on.</summary>
    /// <remarks>The functions are registered through SQLitePCL's raw API, once per native handle: a pooled connection
    /// hands the same handle to each new <see cref="SqliteConnection"/>, and a raw registration stays on the handle
    /// (SQLitePCL keeps the delegate with it). Microsoft.Data.Sqlite's own <c>CreateFunction</c> is undone when its
    /// connection goes back to the pool, so registering that way cost 4 registrations on every query: about 2 KB and
    /// 8–19 µs, 3–7 % of a light tile (docs/benchmarks.md, eighth session). Weak keys: a handle the pool closes is
    /// forgotten with it. The blobs are read as spans, without the byte array per call Microsoft.Data.Sqlite makes.</remarks>
    private static readonly ConditionalWeakTable<sqlite3, OperandCache> Registered = [];

    /// <summary>Registers the functions on the connection's native handle unless they already are; true when they
    /// were registered now (the handle is new, so per-handle settings are due too).</summary>
    public static bool Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (Registered.TryGetValue(handle, out _))
        {
            return false;
        }

        // One operand cache per handle: a native connection steps one statement at a time.
        var cache = new OperandCache();
        Create(handle, "ts_spatial", 3, cache, static (state, args) => Spatial((OperandCache)state!, args));
        Create(handle, "ts_envelope_meets", 5, null, static (_, args) => IsNull(args[0]) ? null
            : EnvelopeMeets(raw.sqlite3_value_blob(args[0]), new BoundingBox(
                raw.sqlite3_value_double(args[1]), raw.sqlite3_value_double(args[2]), raw.sqlite3_value_double(args[3]), raw.sqlite3_value_double(args[4]))) ? True : False);
        Create(handle, "ts_is_empty", 1, null, static (_, args) => IsNull(args[0]) ? null
            : GeoPackageBinary.ReadHeader(raw.sqlite3_value_blob(args[0])).IsEmpty ? True : False);
        Create(handle, "ts_lower", 1, null, static (_, args) => IsNull(args[0]) ? null : raw.sqlite3_value_text(args[0]).utf8_to_string().ToLowerInvariant());
        Registered.AddOrUpdate(handle, cache);
        return true;
    }

    private static bool IsNull(sqlite3_value value) => raw.sqlite3_value_type(value) == raw.SQLITE_NULL;

    /// <summary>Registers a scalar function whose body returns null, a long or a string. An exception must not cross
    /// into SQLite's native frames: it becomes the statement's error, as Microsoft.Data.Sqlite does for its functions.</summary>
    private static void Create(sqlite3 handle, string name, int arity, object? state, Func<object?, sqlite3_value[], object?> body)
    {
        int rc = raw.sqlite3_create_function(handle, name, arity, Flags, state, (context, userData, args) =>
        {
            try
            {
                switch (body(userData, args))
                {
                    case null:
                        raw.sqlite3_result_null(context);
                        break;
                    case long number:
                        raw.sqlite3_result_int64(context, number);
                        break;
                    case string text:
                        raw.sqlite3_result_text(context, text);
                        break;
                }
            }
            catch (Exception failure)
            {
                // Any exception: this frame returns into native code, which cannot unwind a managed one.
                raw.sqlite3_result_error(context, $"{name}: {failure.Message}");
            }
        });
        SqliteException.ThrowExceptionForRC(rc, handle);
    }

    private static object? Spatial(OperandCache cache, sqlite3_value[] args)
    {
        if (IsNull(args[0]) || IsNull(args[1]))
        {
            return null;
        }

        return Spatial(cache, raw.sqlite3_value_blob(args[0]), raw.sqlite3_value_blob(args[1]), (SpatialOperator)raw.sqlite3_value_int64(args[2])) ? True : False;
    }

    private static bool EnvelopeMeets(ReadOnlySpan<byte> blob, BoundingBox box)
    {
        var header = GeoPackageBinary.ReadHeader(blob);
        if (header.IsEmpty)
            return false;
        var envelope = header.Envelope ?? GeometryBlobEnvelope.Of(blob);
        return envelope is { } e && e.Intersects(box);
    }

    private static bool Spatial(OperandCache cache, ReadOnlySpan<byte> blob, ReadOnlySpan<byte> operand, SpatialOperator op)
    {
        var header = GeoPackageBinary.ReadHeader(blob);
        if (header.IsEmpty)
            return false;
        var prepared = cache.Get(operand);
        var geometry = cache.Reader.Read(blob[header.Length..].ToArray());
        return op switch
        {
            SpatialOperator.BBox or SpatialOperator.Intersects => prepared.Intersects(geometry),
            // DE-9IM: A within B exactly when B contains A (OGC 06-103r4 §6.1.15.3).
            SpatialOperator.Within => prepared.Contains(geometry),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown spatial operator"),
        };
    }

    /// <summary>The operands of the statement being stepped, parsed and prepared once each: SQLite hands the
    /// same parameter bytes to every call, so a comparison replaces a WKB parse per row. A filter may hold a
    /// few spatial operands, so several are kept (a handful: filters come from requests, and a statement with
    /// more simply re-parses). A connection runs one statement at a time, so the cache needs no locking.</summary>
    private sealed class OperandCache
    {
        private const int Capacity = 8;
        private readonly List<(byte[] Bytes, IPreparedGeometry Prepared)> entries = new(Capacity);

        public WKBReader Reader { get; } = new();

        public IPreparedGeometry Get(ReadOnlySpan<byte> operand)
        {
            foreach (var (bytes, prepared) in entries)
            {
                if (bytes.AsSpan().SequenceEqual(operand))
                    return prepared;
            }

            if (entries.Count == Capacity)
                entries.RemoveAt(0);
            byte[] copy = operand.ToArray(); // The span is SQLite's; it is valid for this call only.
            Geometry geometry = Reader.Read(copy);
            var added = PreparedGeometryFactory.Prepare(geometry);
            entries.Add((copy, added));
            return added;
        }
    }
}
