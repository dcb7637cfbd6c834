namespace TileServer.Services.Planning;

using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Geometry;

/// <summary>The source of the computed <c>conflicts</c> layer. With a snapshot store (the host gives a GeoPackage one),
/// each result is written as a snapshot and every query goes to it, so filters, sorting, paging and counts are
/// translated into SQL like on any other layer. Without one, the latest result is held in memory and only bounds and
/// limit are answered; refined queries are then rejected with <see cref="InvalidParameterException"/>, since filters
/// are never evaluated in process.</summary>
public sealed class ConflictFeatureSource : IFeatureSource
{
    public const string SourceId = "planning";
    public const string Table = PlanningLayerIds.Conflicts;

    private static readonly FieldDefinition[] FieldList =
    [
        new("bsm", FieldType.Text, "标识码"),
        new("xzqdm", FieldType.Text, "行政区代码"),
        new("line_a", FieldType.Text, "控制线甲"),
        new("line_b", FieldType.Text, "控制线乙"),
        new("mj", FieldType.Real, "面积(平方米)"),
        new("lon", FieldType.Real, "经度"),
        new("lat", FieldType.Real, "纬度"),
    ];

    private readonly IFeatureSnapshotStore? snapshots;
    private Stored[] features = [];
    private IFeatureSource? snapshot;

    /// <param name="extent">The extent announced for the layer (lon/lat): that of the control lines, since the
    /// conflicts are not known when the catalog is built.</param>
    /// <param name="snapshots">Where results are written to be queried in full; null keeps them in memory only.</param>
    public ConflictFeatureSource(BoundingBox extent, IFeatureSnapshotStore? snapshots = null)
    {
        Layers = [new SourceLayerInfo(Table, "geom", GeometryKind.MultiPolygon, 4490, extent, FieldList, 0)];
        this.snapshots = snapshots;
        if (snapshots is not null)
            snapshot = snapshots.Write(SourceId, Snapshot([]));
    }

    public string Id => SourceId;

    public IReadOnlyList<SourceLayerInfo> Layers { get; }

    /// <summary>Number of conflicts currently held.</summary>
    public int Count => Volatile.Read(ref features).Length;

    /// <summary>Replaces the held conflicts (atomically: a running query keeps reading the old set).</summary>
    public void Replace(IReadOnlyList<ControlLineConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var writer = new WKBWriter(NetTopologySuite.IO.ByteOrder.LittleEndian, false, false, false);
        var stored = new Stored[conflicts.Count];
        for (int i = 0; i < stored.Length; i++)
        {
            var c = conflicts[i];
            var geometry = c.Geometry is Polygon polygon ? polygon.Factory.CreateMultiPolygon([polygon]) : c.Geometry;
            var envelope = geometry.EnvelopeInternal;
            stored[i] = new Stored(
                i + 1L, writer.Write(geometry), new BoundingBox(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY),
                new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["bsm"] = c.Bsm, ["xzqdm"] = c.Xzqdm, ["line_a"] = c.LineA, ["line_b"] = c.LineB,
                    ["mj"] = Math.Round(c.AreaM2, 2), ["lon"] = c.Lon, ["lat"] = c.Lat,
                });
        }

        // The snapshot first: a reader sees either the old or the new result whole, in both representations.
        if (snapshots is not null)
            Volatile.Write(ref snapshot, snapshots.Write(SourceId, Snapshot(stored)));
        Volatile.Write(ref features, stored);
    }

    public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref snapshot) is { } current)
        {
            CheckTable(query);
            await foreach (var record in current.QueryAsync(query, cancellationToken).ConfigureAwait(false))
                yield return record;
            yield break;
        }

        foreach (var feature in Match(query))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = new object?[query.Fields.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = feature.Values[query.Fields[i]];
            }

            yield return new FeatureRecord(feature.Fid, feature.Wkb, values);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref snapshot) is { } current)
        {
            CheckTable(query);
            return current.CountAsync(query, cancellationToken);
        }

        return Task.FromResult((long)Match(query with { Limit = null }).Count());
    }

    private static void CheckTable(FeatureQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Table != Table)
        {
            throw new InvalidParameterException("table", $"source '{SourceId}' has no table '{query.Table}'");
        }
    }

    /// <summary>The conflicts as a layer to write, with the row ids (fids) the in-memory form uses.</summary>
    private static FeatureLayerData Snapshot(IReadOnlyList<Stored> stored)
    {
        var rows = new WritableFeature[stored.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            var values = new object?[FieldList.Length];
            for (int f = 0; f < values.Length; f++)
                values[f] = stored[i].Values[FieldList[f].Name];
            rows[i] = WritableFeature.FromWkb(stored[i].Wkb, 4490, values);
        }

        return new FeatureLayerData(new FeatureLayerSchema(Table, GeometryKind.MultiPolygon, 4490, FieldList), rows);
    }

    private IEnumerable<Stored> Match(FeatureQuery query)
    {
        CheckTable(query);

        if (query.IsRefined)
        {
            throw new InvalidParameterException("filter", "the conflicts layer answers queries by bounding box and limit only; filters, sorting and offsets are not supported");
        }

        foreach (string field in query.Fields)
        {
            if (!FieldList.Any(f => f.Name == field))
            {
                throw new InvalidParameterException("properties", $"the conflicts layer has no field '{field}'");
            }
        }

        int taken = 0;
        foreach (var feature in Volatile.Read(ref features))
        {
            if (query.Limit is { } limit && taken >= limit)
            {
                yield break;
            }

            if (query.Bounds is { } bounds && !bounds.Intersects(feature.Envelope))
            {
                continue;
            }

            taken++;
            yield return feature;
        }
    }

    private sealed record Stored(long Fid, byte[] Wkb, BoundingBox Envelope, Dictionary<string, object?> Values);
}
