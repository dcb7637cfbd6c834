namespace TileServer.Services.Tests.Tiles;

using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;

/// <summary>A feature source over a list, for unit tests of the services (integration tests use the
/// real GeoPackage and PostGIS sources). Honours bounds by envelope, offset and limit, like the real sources;
/// records filters and sort keys without evaluating them.</summary>
internal sealed class InMemoryFeatureSource(string table, IReadOnlyList<FieldDefinition> fields, IReadOnlyList<(Geometry Geometry, object?[] Values)> rows) : IFeatureSource
{
    public string Id => "memory";

    public int QueryCount { get; private set; }

    /// <summary>The last query received, so tests can check what a service passed down (filters, sort).</summary>
    public FeatureQuery? LastQuery { get; private set; }

    public IReadOnlyList<SourceLayerInfo> Layers { get; } =
        [new SourceLayerInfo(table, "geom", GeometryKind.MultiPolygon, 4490, new BoundingBox(-180, -90, 180, 90), fields, rows.Count)];

    public async Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var _ in QueryAsync(query with { Offset = 0, Limit = null }, cancellationToken))
            count++;
        return query.CountLimit is { } cap ? Math.Min(count, cap) : count; // stops at the cap, as the real sources do
    }

    public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        QueryCount++;
        LastQuery = query;
        await Task.Yield();
        var writer = new WKBWriter();
        long skipped = 0, returned = 0;
        for (int i = 0; i < rows.Count && returned != query.Limit; i++)
        {
            var (geometry, values) = rows[i];
            var e = geometry.EnvelopeInternal;
            if (query.Bounds is { } b && !b.Intersects(new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY)))
            {
                continue;
            }

            if (skipped++ < query.Offset)
            {
                continue;
            }

            returned++;
            var selected = query.Fields.Select(f => values[fields.ToList().FindIndex(d => d.Name == f)]).ToArray();
            yield return new FeatureRecord(i + 1, writer.Write(geometry), selected);
        }
    }
}
