namespace TileServer.Services.Tests.Planning;

using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Services.Layers;

/// <summary>The six planning tables in memory, replaceable between computations, for the planning unit tests.
/// Every table has xzqdm; ghyd also ydyhfldm. Only plain queries (bounds, fields) are answered.</summary>
internal sealed class PlanningTestSource : IFeatureSource
{
    public static readonly string[] Tables = ["xzq", "ghyd", "yjjbnt", "stbhhx", "czkfbj", "czjsyd2020"];

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    private readonly Dictionary<string, List<(Geometry Geometry, Dictionary<string, object?> Values)>> rows =
        Tables.ToDictionary(t => t, _ => new List<(Geometry, Dictionary<string, object?>)>());

    public string Id => "memory";

    /// <summary>When set, every query fails (a source outage).</summary>
    public bool Failing { get; set; }

    /// <summary>When set, reading this table fails after its first row (an outage in the middle of a layer).</summary>
    public string? FailingAfterFirstRow { get; set; }

    public IReadOnlyList<SourceLayerInfo> Layers { get; } = Tables.Select(t => new SourceLayerInfo(
        t, "geom", GeometryKind.MultiPolygon, 4490, new BoundingBox(118, 40, 120, 42),
        [new FieldDefinition("xzqdm", FieldType.Text), new FieldDefinition("xzqmc", FieldType.Text), new FieldDefinition("ydyhfldm", FieldType.Text)], 0)).ToArray();

    /// <summary>A lon/lat rectangle.</summary>
    public static Polygon Box(double minLon, double minLat, double maxLon, double maxLat) => Factory.CreatePolygon(
        [new(minLon, minLat), new(maxLon, minLat), new(maxLon, maxLat), new(minLon, maxLat), new(minLon, minLat)]);

    public void Add(string table, Geometry geometry, string xzqdm, string? ydyhfldm = null, string? xzqmc = null) =>
        rows[table].Add((geometry, new Dictionary<string, object?> { ["xzqdm"] = xzqdm, ["xzqmc"] = xzqmc ?? xzqdm, ["ydyhfldm"] = ydyhfldm }));

    public void Clear(string table) => rows[table].Clear();

    public ILayerCatalog Catalog() =>
        new LayerCatalog(Tables.Select(t => new LayerDefinition { Id = t, Source = Id, Table = t }), [this]);

    public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) => Task.FromResult((long)rows[query.Table].Count);

    public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Assert.False(query.IsRefined);
        if (Failing)
        {
            throw new InvalidOperationException("source down");
        }

        await Task.Yield();
        var writer = new WKBWriter();
        var snapshot = rows[query.Table].ToList();
        for (int i = 0; i < snapshot.Count; i++)
        {
            if (i == 1 && FailingAfterFirstRow == query.Table)
            {
                throw new InvalidOperationException("source down mid-layer");
            }

            yield return new FeatureRecord(i + 1, writer.Write(snapshot[i].Geometry), query.Fields.Select(f => snapshot[i].Values[f]).ToArray());
        }
    }
}
