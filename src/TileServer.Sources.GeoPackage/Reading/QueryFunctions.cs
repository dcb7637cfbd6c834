namespace TileServer.Sources.GeoPackage.Reading;

using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;

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
    public static void Register(SqliteConnection connection)
    {
        var cache = new OperandCache();
        connection.CreateFunction<OperandCache, byte[]?, byte[]?, long, long?>(
            "ts_spatial", cache, static (state, blob, operand, op) => blob is null || operand is null ? null : Spatial(state, blob, operand, (SpatialOperator)op) ? 1L : 0L,
            isDeterministic: true);
        connection.CreateFunction<byte[]?, double, double, double, double, long?>(
            "ts_envelope_meets", static (blob, minx, miny, maxx, maxy) => blob is null ? null : EnvelopeMeets(blob, new BoundingBox(minx, miny, maxx, maxy)) ? 1L : 0L,
            isDeterministic: true);
        connection.CreateFunction<byte[]?, long?>(
            "ts_is_empty", static blob => blob is null ? null : GeoPackageBinary.ReadHeader(blob).IsEmpty ? 1L : 0L,
            isDeterministic: true);
        connection.CreateFunction<string?, string?>(
            "ts_lower", static text => text?.ToLowerInvariant(), isDeterministic: true);
    }

    private static bool EnvelopeMeets(byte[] blob, BoundingBox box)
    {
        var header = GeoPackageBinary.ReadHeader(blob);
        if (header.IsEmpty)
            return false;
        var envelope = header.Envelope ?? GeometryBlobEnvelope.Of(blob);
        return envelope is { } e && e.Intersects(box);
    }

    private static bool Spatial(OperandCache cache, byte[] blob, byte[] operand, SpatialOperator op)
    {
        var header = GeoPackageBinary.ReadHeader(blob);
        if (header.IsEmpty)
            return false;
        var prepared = cache.Get(operand);
        var geometry = cache.Reader.Read(GeoPackageBinary.WkbSlice(blob, header).ToArray());
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

        public IPreparedGeometry Get(byte[] operand)
        {
            foreach (var (bytes, prepared) in entries)
            {
                if (bytes.AsSpan().SequenceEqual(operand))
                    return prepared;
            }

            if (entries.Count == Capacity)
                entries.RemoveAt(0);
            Geometry geometry = Reader.Read(operand);
            var added = PreparedGeometryFactory.Prepare(geometry);
            entries.Add((operand, added));
            return added;
        }
    }
}
