namespace TileServer.Sources.PostGis.Tests;

using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;

/// <summary>A view has no primary key: its row ids are the stable geometry hash, and ResourceId, sorting and
/// paging must work with those ids as well.</summary>
[Collection(PostGisCollection.Name)]
public sealed class ViewQueryTests(PostGisDatabaseFixture database)
{
    [Fact]
    public async Task Resource_ids_sorting_and_paging_work_on_hashed_row_ids()
    {
        var (_, imported, _) = await QueryDatasetTables.LoadAsync(database);
        var view = database.Schema + "." + PostGisDatabaseFixture.NewTableName("query_view");
        await database.ExecuteAsync($"CREATE VIEW {view} AS SELECT mc, bh, mj, geom FROM {imported}");
        try
        {
            await CheckAsync(view);
        }
        finally
        {
            // Later tests discover the whole schema: leave it as it was.
            await database.ExecuteAsync($"DROP VIEW {view}");
        }
    }

    private async Task CheckAsync(string view)
    {
        using var source = new PostGisFeatureSource("v", PostGisLayerSetup.Options(database));
        var zeta = new ComparisonFilter("mc", ComparisonOperator.Equal, FilterValue.OfText("Zeta"));

        var found = await source.QueryAsync(new FeatureQuery(view, null, ["mc"]) { Filter = zeta }, CancellationToken.None).ToListAsync();
        var ids = found.Select(r => r.Fid).ToList();
        var byId = await source.QueryAsync(new FeatureQuery(view, null, ["mc"]) { Filter = new IdFilter(ids) }, CancellationToken.None).ToListAsync();
        var all = await source.QueryAsync(new FeatureQuery(view, null, []), CancellationToken.None).ToListAsync();
        var paged = new List<long>();
        for (var offset = 0; offset < 48; offset += 10)
            paged.AddRange((await source.QueryAsync(new FeatureQuery(view, null, [], 10) { Offset = offset }, CancellationToken.None).ToListAsync()).Select(r => r.Fid));

        Assert.Equal(2, ids.Count);
        Assert.DoesNotContain(ids, id => id is >= 1 and <= 48); // hashes, not the table's fids
        Assert.Equal(ids.Order(), byId.Select(r => r.Fid).Order());
        Assert.All(byId, r => Assert.Equal("Zeta", r.Values[0]));
        Assert.Equal(2, await source.CountAsync(new FeatureQuery(view, null, []) { Filter = new IdFilter(ids) }, CancellationToken.None));
        Assert.Equal(all.Select(r => r.Fid), paged);
        Assert.Equal(all.Select(r => r.Fid).Order(), paged);
        Assert.Equal(48, paged.Distinct().Count());
    }
}
