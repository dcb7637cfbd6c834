namespace TileServer.Services.Tests.Caching;

using TileServer.Caching;
using TileServer.Core.Caching;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Services.Caching;
using TileServer.Services.Layers;
using TileServer.Services.Tests.Tiles;

public sealed class CacheInvalidationOnChangeTests
{
    private static LayerCatalog Catalog(int maxZoom) => new(
        [new LayerDefinition { Id = "ghyd", Source = "memory", Table = "parcels", MaxZoom = maxZoom }],
        [new InMemoryFeatureSource("parcels", [new FieldDefinition("bsm", FieldType.Text)], [])]);

    [Fact]
    public async Task A_changed_area_removes_its_tiles_up_to_the_layer_max_zoom_only()
    {
        var hub = new LayerChangeHub();
        var removed = new RecordingInvalidation();
        var generations = new InMemoryLayerGenerations();
        var sets = new RequestedLayerSets();
        sets.Record("ghyd", "mvt");
        using var invalidation = new CacheInvalidationOnChange(hub, new TileCachePurger(removed, generations, sets), Catalog(maxZoom: 14));

        var parcel = new BoundingBox(118.70, 41.00, 118.7001, 41.0001);
        await hub.PublishAsync([new LayerDataChange("ghyd", [parcel])], CancellationToken.None);

        Assert.Equal(0, await generations.GetAsync("ghyd", CancellationToken.None));
        Assert.Equal(Enumerable.Range(0, 15), removed.Removed.Select(k => k.Tile.Zoom).Distinct().Order());
    }

    [Fact]
    public async Task A_whole_layer_change_bumps_the_generation()
    {
        var hub = new LayerChangeHub();
        var generations = new InMemoryLayerGenerations();
        using var invalidation = new CacheInvalidationOnChange(hub, new TileCachePurger(new RecordingInvalidation(), generations, new RequestedLayerSets()), Catalog(16));

        await hub.PublishAsync([LayerDataChange.Whole("ghyd")], CancellationToken.None);

        Assert.NotEqual(0, await generations.GetAsync("ghyd", CancellationToken.None));
    }
}
