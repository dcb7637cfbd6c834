namespace TileServer.Services.Tests.Planning;

using NetTopologySuite.IO;
using TileServer.Core.Errors;
using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Services.Planning;

public sealed class ConflictFeatureSourceTests
{
    private static ConflictFeatureSource Source()
    {
        var source = new ConflictFeatureSource(new BoundingBox(118, 40, 120, 42));
        source.Replace(
        [
            new ControlLineConflict("1308819000000001", "130881", "yjjbnt", "stbhhx", 1234.567, 118.65, 40.95, PlanningTestSource.Box(118.64, 40.94, 118.66, 40.96)),
            new ControlLineConflict("1308819000000002", "130881", "stbhhx", "czkfbj", 99, 119.5, 41.5, PlanningTestSource.Box(119.4, 41.4, 119.6, 41.6)),
        ]);
        return source;
    }

    private static async Task<List<FeatureRecord>> ReadAsync(IFeatureSource source, FeatureQuery query)
    {
        var result = new List<FeatureRecord>();
        await foreach (var record in source.QueryAsync(query, CancellationToken.None))
        {
            result.Add(record);
        }

        return result;
    }

    [Fact]
    public async Task Bounds_select_by_envelope_and_fields_come_in_the_requested_order()
    {
        var source = Source();
        var records = await ReadAsync(source, new FeatureQuery("conflicts", new BoundingBox(118.6, 40.9, 118.7, 41.0), ["mj", "line_b", "bsm"]));
        var record = Assert.Single(records);
        Assert.Equal(new object?[] { 1234.57, "stbhhx", "1308819000000001" }, record.Values);
        var geometry = new WKBReader().Read(record.Wkb.ToArray());
        Assert.Equal("MultiPolygon", geometry.GeometryType);
        Assert.Equal(0.0004, geometry.Area, 9);
    }

    [Fact]
    public async Task Count_ignores_the_limit_and_query_honours_it()
    {
        var source = Source();
        var query = new FeatureQuery("conflicts", null, ["bsm"], Limit: 1);
        Assert.Single(await ReadAsync(source, query));
        Assert.Equal(2, await source.CountAsync(query, CancellationToken.None));
        Assert.Equal(1, await source.CountAsync(query with { Bounds = new BoundingBox(119, 41, 120, 42) }, CancellationToken.None));
    }

    [Fact]
    public async Task Refined_queries_and_unknown_fields_are_rejected_as_invalid_parameters()
    {
        var source = Source();
        var filtered = new FeatureQuery("conflicts", null, ["bsm"]) { Filter = new NullFilter("bsm") };
        await Assert.ThrowsAsync<InvalidParameterException>(() => ReadAsync(source, filtered));
        await Assert.ThrowsAsync<InvalidParameterException>(() => source.CountAsync(filtered, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidParameterException>(() => ReadAsync(source, new FeatureQuery("conflicts", null, ["nope"])));
    }

    [Fact]
    public void Declares_one_multipolygon_table_in_cgcs2000()
    {
        var table = Assert.Single(Source().Layers);
        Assert.Equal(("conflicts", GeometryKind.MultiPolygon, 4490), (table.Table, table.GeometryKind, table.Srid));
        Assert.Equal(["bsm", "xzqdm", "line_a", "line_b", "mj", "lon", "lat"], table.Fields.Select(f => f.Name));
    }
}
