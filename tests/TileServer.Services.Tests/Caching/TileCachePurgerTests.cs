namespace TileServer.Services.Tests.Caching;

using TileServer.Caching;
using TileServer.Core.Caching;
using TileServer.Core.Geometry;
using TileServer.Core.Tiling;
using TileServer.Services.Caching;

public sealed class TileCachePurgerTests
{
    [Fact]
    public async Task Small_box_removes_each_tile_of_every_set_containing_the_layer()
    {
        var invalidation = new RecordingInvalidation();
        var generations = new InMemoryLayerGenerations();
        var sets = new RequestedLayerSets();
        sets.Record("xzq,ghyd", "mvt");
        sets.Record("xzq,ghyd", "png", "xzq@1,landuse@1");
        sets.Record("xzq", "mvt");
        var purger = new TileCachePurger(invalidation, generations, sets);

        var result = await purger.PurgeAsync(new PurgeRequest("ghyd", new BoundingBox(118.70, 41.00, 118.7001, 41.0001), 12, 13), CancellationToken.None);

        Assert.False(result.GenerationBumped);
        Assert.Equal(2, result.AffectedTiles);
        Assert.Equal(0, await generations.GetAsync("ghyd", CancellationToken.None));
        Assert.Equal(2 * 3, invalidation.Removed.Count); // 2 tiles × {ghyd mvt, xzq,ghyd mvt, xzq,ghyd png}
        Assert.DoesNotContain(invalidation.Removed, k => k.Layers == "xzq");
        Assert.Contains(invalidation.Removed, k => k.Layers == "xzq,ghyd" && k.Tile == WebMercator.TileAt(118.70005, 41.00005, 13)
            && k.Format == "png" && k.StyleVersion == "xzq@1,landuse@1");
    }

    [Fact]
    public async Task Large_areas_and_whole_layers_bump_the_generation()
    {
        var invalidation = new RecordingInvalidation();
        var generations = new InMemoryLayerGenerations();
        var purger = new TileCachePurger(invalidation, generations, new RequestedLayerSets(), preciseLimit: 100);

        var wide = await purger.PurgeAsync(new PurgeRequest("ghyd", new BoundingBox(118, 40, 120, 42), 10, 16), CancellationToken.None);
        var whole = await purger.PurgeAsync(new PurgeRequest("ghyd", null, 0, 16), CancellationToken.None);

        Assert.True(wide.GenerationBumped);
        Assert.True(whole.GenerationBumped);
        Assert.Empty(invalidation.Removed);
        Assert.NotEqual(0, await generations.GetAsync("ghyd", CancellationToken.None));
    }

    [Fact]
    public async Task An_overflowed_set_registry_falls_back_to_bumping()
    {
        var sets = new RequestedLayerSets(capacity: 1);
        sets.Record("a", "mvt");
        sets.Record("a,b", "mvt");
        Assert.True(sets.Overflowed);
        var generations = new InMemoryLayerGenerations();
        var result = await new TileCachePurger(new RecordingInvalidation(), generations, sets)
            .PurgeAsync(new PurgeRequest("b", new BoundingBox(0, 0, 0.001, 0.001), 14, 14), CancellationToken.None);
        Assert.True(result.GenerationBumped);
    }

    [Fact]
    public void Recording_the_same_variant_again_does_not_grow_the_registry()
    {
        var sets = new RequestedLayerSets(capacity: 2);
        for (int i = 0; i < 100; i++)
        {
            sets.Record("xzq,ghyd", "mvt");
            sets.Record("xzq,ghyd", "png", "s@1", "CGCS2000Quad");
        }

        Assert.False(sets.Overflowed);
        Assert.Equal(3, sets.Containing("ghyd").Count); // ghyd alone (always) and the two recorded
        Assert.Single(sets.Containing("gh")); // names match whole, not as prefixes
    }
}
