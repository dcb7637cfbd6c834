namespace TileServer.Sources.GeoPackage.Reading;

using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Binary;

/// <summary>
/// Turns the current row of a box scan (<see cref="BoxScanStatement"/>) into a <see cref="FeatureRecord"/>, or
/// null when its geometry is NULL, empty or (by its exact envelope) outside the bounds. With
/// <see cref="FeatureQuery.ReusableRecords"/> the WKB goes into one buffer and the values into one array reused
/// from row to row; otherwise both are fresh for every row. With an interner, equal texts are one string. With <see cref="FeatureQuery.IndexBoundsSuffice"/>
/// the R-tree's answer stands and no envelope is computed.
/// </summary>
internal sealed class ScannedRowReader(FeatureQuery query, FieldDefinition[] fields, bool hasRTree, Utf8TextInterner? interner = null)
{
    private readonly bool reuse = query.ReusableRecords;
    private readonly bool checkEnvelope = query.Bounds is not null && !(query.IndexBoundsSuffice && hasRTree);
    private readonly object?[] sharedValues = query.ReusableRecords ? new object?[fields.Length] : [];
    private byte[] sharedWkb = []; // Grown by Read on first use: a row scan (TryRead only) never needs it.

    /// <summary>Ordinal of the R-tree box's first column in the scan, or −1 when the SQL leaves it out.</summary>
    public int RTreeBoxOrdinal { get; } = query.Bounds is not null && hasRTree && !query.IndexBoundsSuffice ? fields.Length + 2 : -1;

    /// <summary>Whether the scan's SQL should select the R-tree box columns.</summary>
    public bool SelectIndexBox => RTreeBoxOrdinal >= 0;

    public FeatureRecord? Read(BoxScanStatement scan)
    {
        if (!TryRead(scan, out var wkb, out var values))
            return null;
        if (!reuse)
            return new FeatureRecord(scan.Int64(0), wkb.ToArray(), values);
        if (sharedWkb.Length < wkb.Length)
            sharedWkb = new byte[Math.Max(Math.Max(wkb.Length, sharedWkb.Length * 2), 4096)];
        wkb.CopyTo(sharedWkb);
        return new FeatureRecord(scan.Int64(0), sharedWkb.AsMemory(0, wkb.Length), values);
    }

    /// <summary>The current row's WKB (in SQLite's buffer, valid until the next step) and values, or false when the
    /// row is skipped. The id is column 0 (<see cref="BoxScanStatement.Int64"/>).</summary>
    public bool TryRead(BoxScanStatement scan, out ReadOnlySpan<byte> wkb, out object?[] values)
    {
        wkb = default;
        values = sharedValues;
        var blob = scan.Blob(1);
        if (blob.IsEmpty && scan.IsNull(1))
            return false;
        var header = GeoPackageBinary.ReadHeader(blob);
        if (header.IsEmpty)
            return false;
        if (checkEnvelope && !(header.Envelope is null && RTreeBoxOrdinal >= 0 && RTreeBoxSurelyIntersects(scan, RTreeBoxOrdinal, query.Bounds!.Value))
            && !Matches(query.Bounds, header, blob))
        {
            return false;
        }

        if (!reuse)
            values = new object?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
            values[i] = scan.Value(i + 2, fields[i].Type, interner);
        wkb = blob[header.Length..];
        return true;
    }

    /// <summary>Whether the envelope in the header, or else the one walked from the WKB, meets the bounds.</summary>
    private static bool Matches(BoundingBox? bounds, in GeoPackageGeometryHeader header, ReadOnlySpan<byte> blob)
    {
        if (bounds is not { } box)
            return true;
        var envelope = header.Envelope ?? GeometryBlobEnvelope.Of(blob);
        return envelope is { } e && e.Intersects(box);
    }

    /// <summary>
    /// The R-tree stores float32 bounds rounded outwards (SQLite R-tree docs §3.7), so the exact envelope
    /// lies within one float step inside them: exact maxx ∈ (prev(r.maxx), r.maxx], exact minx ∈
    /// [r.minx, next(r.minx)). When even those inner bounds intersect the query box, the exact envelope
    /// does too, and only rows within a float step of the box's edge need their envelope computed.
    /// </summary>
    private static bool RTreeBoxSurelyIntersects(BoxScanStatement scan, int ordinal, BoundingBox box)
    {
        var minX = MathF.BitIncrement((float)scan.Double(ordinal));
        var maxX = MathF.BitDecrement((float)scan.Double(ordinal + 1));
        var minY = MathF.BitIncrement((float)scan.Double(ordinal + 2));
        var maxY = MathF.BitDecrement((float)scan.Double(ordinal + 3));
        return maxX >= box.MinX && minX <= box.MaxX && maxY >= box.MinY && minY <= box.MaxY;
    }
}
