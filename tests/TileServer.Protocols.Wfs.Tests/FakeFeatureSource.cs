namespace TileServer.Protocols.Wfs.Tests;

using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;

/// <summary>A feature source over a list: honours bounds (by envelope), offset, limit and the count limit like
/// the real sources, and records the last query so tests see what the protocol passed down; filters and sort keys
/// are recorded, never evaluated (the real sources translate them to SQL).</summary>
internal sealed class FakeFeatureSource(string table, IReadOnlyList<FieldDefinition> fields, IReadOnlyList<(Geometry Geometry, object?[] Values)> rows)
    : IFeatureSource
{
    public string Id => "memory";

    public FeatureQuery? LastQuery { get; private set; }

    public FeatureQuery? LastCount { get; private set; }

    public IReadOnlyList<SourceLayerInfo> Layers { get; } =
        [new SourceLayerInfo(table, "geom", GeometryKind.MultiPolygon, 4490, Extent(rows), fields, rows.Count)];

    public async Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        LastCount = query;
        await Task.Yield();
        long matching = Matching(query).Count();
        return query.CountLimit is { } cap ? Math.Min(matching, cap) : matching;
    }

    public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LastQuery = query;
        await Task.Yield();
        var writer = new WKBWriter();
        long returned = 0;
        foreach (var (index, geometry, values) in Matching(query).Skip((int)query.Offset))
        {
            if (returned++ == query.Limit)
                yield break;
            cancellationToken.ThrowIfCancellationRequested();
            var selected = query.Fields.Select(f => values[fields.ToList().FindIndex(d => d.Name == f)]).ToArray();
            yield return new FeatureRecord(index + 1, writer.Write(geometry), selected);
        }
    }

    private IEnumerable<(int Index, Geometry Geometry, object?[] Values)> Matching(FeatureQuery query)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            var e = rows[i].Geometry.EnvelopeInternal;
            if (query.Bounds is not { } b || b.Intersects(new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY)))
                yield return (i, rows[i].Geometry, rows[i].Values);
        }
    }

    private static BoundingBox Extent(IReadOnlyList<(Geometry Geometry, object?[] Values)> rows)
    {
        var box = BoundingBox.Empty;
        foreach (var (geometry, _) in rows)
        {
            var e = geometry.EnvelopeInternal;
            box = box.ExpandToInclude(new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY));
        }

        return box;
    }
}
