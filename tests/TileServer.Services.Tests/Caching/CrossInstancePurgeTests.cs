namespace TileServer.Services.Tests.Caching;

using TileServer.Caching;
using TileServer.Core.Caching;
using TileServer.Core.Geometry;
using TileServer.Core.Tiling;
using TileServer.Services.Caching;

public sealed class CrossInstancePurgeTests
{
    private static readonly BoundingBox Small = new(118.70, 41.00, 118.7001, 41.0001);

    [Fact]
    public async Task Purges_are_published_with_the_box_or_the_new_generation()
    {
        var bus = new RecordingBus();
        var generations = new InMemoryLayerGenerations();
        var purger = new TileCachePurger(new RecordingInvalidation(), generations, new RequestedLayerSets(), bus);

        await purger.PurgeAsync(new PurgeRequest("ghyd", Small, 12, 13), CancellationToken.None);
        var bumped = await purger.PurgeAsync(new PurgeRequest("xzq", null, 0, 20), CancellationToken.None);

        Assert.True(bumped.GenerationBumped);
        Assert.Equal(
            [new CacheInvalidationMessage("self", "ghyd", null, Small, 12, 13),
             new CacheInvalidationMessage("self", "xzq", await generations.GetAsync("xzq", CancellationToken.None), null, 0, 20)],
            bus.Published);
    }

    [Fact]
    public async Task A_remote_box_purge_removes_the_tiles_from_the_local_tiers_only()
    {
        var bus = new RecordingBus();
        var invalidation = new RecordingInvalidation();
        var sets = new RequestedLayerSets();
        sets.Record("xzq,ghyd", "png", "s@1", "CGCS2000Quad");
        _ = new TileCachePurger(invalidation, new InMemoryLayerGenerations(), sets, bus);

        await bus.DeliverAsync(new CacheInvalidationMessage("other", "ghyd", null, Small, 13, 13));

        Assert.Empty(invalidation.Removed);
        Assert.Empty(bus.Published);
        Assert.Contains(new TileCacheKey("ghyd", "WebMercatorQuad", WebMercator.TileAt(118.70005, 41.00005, 13), "mvt"), invalidation.RemovedLocally);
        Assert.Contains(invalidation.RemovedLocally, k => k.TileMatrixSet == "CGCS2000Quad" && k.Layers == "xzq,ghyd" && k.Format == "png");
        Assert.Equal(0, invalidation.Clears);
    }

    [Fact]
    public async Task A_remote_purge_too_large_to_list_clears_the_local_tier_and_a_remote_bump_is_taken_at_once()
    {
        var bus = new RecordingBus();
        var invalidation = new RecordingInvalidation();
        var generations = new ObservingGenerations();
        _ = new TileCachePurger(invalidation, generations, new RequestedLayerSets(), bus, preciseLimit: 10);

        await bus.DeliverAsync(new CacheInvalidationMessage("other", "ghyd", null, new BoundingBox(110, 35, 120, 45), 0, 12));
        await bus.DeliverAsync(new CacheInvalidationMessage("other", "ghyd", 42, null, 0, 20));
        await bus.ReconnectAsync();

        Assert.Equal(2, invalidation.Clears);
        Assert.Empty(invalidation.RemovedLocally);
        Assert.Equal(("ghyd", 42L), Assert.Single(generations.Observed));
    }

    [Fact]
    public async Task Geographic_tiles_are_purged_in_their_own_matrix_set()
    {
        var invalidation = new RecordingInvalidation();
        var sets = new RequestedLayerSets();
        sets.Record("ghyd", "png", "s@1", "WorldCRS84Quad");
        var purger = new TileCachePurger(invalidation, new InMemoryLayerGenerations(), sets);

        await purger.PurgeAsync(new PurgeRequest("ghyd", Small, 10, 10), CancellationToken.None);

        // Zoom 10 is WorldCRS84Quad level 9 by equal scale (the level whose tiles draw zoom-10 data).
        var crs84 = TileMatrixSets.WorldCrs84Quad.LimitsFor(Small, 9);
        Assert.Contains(new TileCacheKey("ghyd", "WorldCRS84Quad", new TileCoordinate(9, crs84.MinColumn, crs84.MinRow), "png", "s@1"), invalidation.Removed);
        Assert.Equal(2, invalidation.Removed.Count); // one Web Mercator vector tile, one CRS84 PNG tile
    }

    private sealed class ObservingGenerations : ILayerGenerations
    {
        public List<(string, long)> Observed { get; } = [];

        public ValueTask<long> GetAsync(string layer, CancellationToken cancellationToken) => ValueTask.FromResult(0L);

        public ValueTask<long> BumpAsync(string layer, CancellationToken cancellationToken) => throw new InvalidOperationException("a remote message must not bump");

        public void Observe(string layer, long generation) => Observed.Add((layer, generation));
    }
}
