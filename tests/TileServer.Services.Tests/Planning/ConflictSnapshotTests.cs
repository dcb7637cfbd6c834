namespace TileServer.Services.Tests.Planning;

using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Services.Planning;
using TileServer.Sources.GeoPackage;

/// <summary>With a GeoPackage snapshot store, the conflicts layer answers the whole query model (filters, sorting,
/// offsets, counts) through SQLite, agrees with the in-memory answers, and keeps only the latest snapshots on disk.</summary>
public sealed class ConflictSnapshotTests : IDisposable
{
    private readonly GeoPackageSnapshotStore store = new();

    public void Dispose() => store.Dispose();

    private static IReadOnlyList<ControlLineConflict> Conflicts(int round) =>
    [
        new("1308819000000001", "130881", "yjjbnt", "stbhhx", 1234.567 + round, 118.65, 40.95, PlanningTestSource.Box(118.64, 40.94, 118.66, 40.96)),
        new("1308819000000002", "130881", "stbhhx", "czkfbj", 99, 119.5, 41.5, PlanningTestSource.Box(119.4, 41.4, 119.6, 41.6)),
        new("2206059000000001", "220605", "yjjbnt", "czkfbj", 500, 126.6, 42.05, PlanningTestSource.Box(126.59, 42.04, 126.61, 42.06)),
    ];

    private static async Task<List<FeatureRecord>> ReadAsync(IFeatureSource source, FeatureQuery query)
    {
        var result = new List<FeatureRecord>();
        await foreach (var record in source.QueryAsync(query, CancellationToken.None))
            result.Add(record);
        return result;
    }

    [Fact]
    public async Task Filters_sorting_offsets_and_counts_are_answered()
    {
        var source = new ConflictFeatureSource(new BoundingBox(118, 40, 127, 43), store);
        Assert.Empty(await ReadAsync(source, new FeatureQuery("conflicts", null, ["bsm"]) { Filter = new NullFilter("bsm") }));
        source.Replace(Conflicts(0));

        var inPingquan = new FeatureQuery("conflicts", null, ["bsm", "mj"])
        {
            Filter = new ComparisonFilter("xzqdm", ComparisonOperator.Equal, FilterValue.OfText("130881")),
            SortBy = [new SortKey("mj")],
        };
        var rows = await ReadAsync(source, inPingquan);
        Assert.Equal(["1308819000000002", "1308819000000001"], rows.Select(r => (string)r.Values[0]!));
        Assert.Equal(2, await source.CountAsync(inPingquan, CancellationToken.None));

        var second = await ReadAsync(source, inPingquan with { Offset = 1, Limit = 5 });
        Assert.Equal("1308819000000001", Assert.Single(second).Values[0]);
        Assert.Equal(1, await source.CountAsync(new FeatureQuery("conflicts", new BoundingBox(126, 42, 127, 43), []), CancellationToken.None));
    }

    [Fact]
    public async Task Each_result_replaces_the_last_and_old_snapshot_files_are_released()
    {
        var source = new ConflictFeatureSource(new BoundingBox(118, 40, 127, 43), store);
        for (int round = 1; round <= 6; round++)
            source.Replace(Conflicts(round));

        var first = await ReadAsync(source, new FeatureQuery("conflicts", null, ["mj"]) { Filter = new IdFilter([1]) });
        Assert.Equal(1234.567 + 6, (double)Assert.Single(first).Values[0]!, 2);
        Assert.True(Directory.GetFiles(store.Folder, "*.gpkg").Length <= 3, "only the latest snapshots stay on disk");
    }
}
