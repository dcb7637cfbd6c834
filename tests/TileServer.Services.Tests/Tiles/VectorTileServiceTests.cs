namespace TileServer.Services.Tests.Tiles;

using NetTopologySuite.Geometries;
using TileServer.Caching;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Services.Layers;
using TileServer.Services.Tiles;

public sealed class VectorTileServiceTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly FieldDefinition[] Fields = [new("bsm", FieldType.Text), new("name", FieldType.Text), new("mj", FieldType.Real), new("n", FieldType.Integer)];

    private static Polygon Square(double lon, double lat, double size) => Factory.CreatePolygon([
        new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat)]);

    private static (VectorTileService Service, ILayerCatalog Catalog, InMemoryFeatureSource Source) Create(int minZoom = 0, params string[] attributes)
    {
        var source = new InMemoryFeatureSource("parcels", Fields, [
            (Square(118.70, 41.00, 0.01), ["130881000000001", "a", 12.5, 3L]),
            (Square(118.72, 41.00, 0.01), ["130881000000002", null, 7.0, 4L]),
            (Square(10.0, 10.0, 0.01), ["130881000000003", "far", 1.0, 5L]),
        ]);
        var definition = new LayerDefinition { Id = "p", Source = "memory", Table = "parcels", IdField = "bsm", MinZoom = minZoom, MaxZoom = 16, Attributes = attributes };
        var catalog = new LayerCatalog([definition], [source]);
        return (new VectorTileService(new MemoryTileCache(new MemoryTileCacheOptions()), new VectorTileOptions()), catalog, source);
    }

    [Fact]
    public async Task Features_carry_bsm_ids_and_only_the_configured_attributes()
    {
        var (service, catalog, _) = Create(0, "name", "mj");
        var lookup = await service.GetTileAsync(catalog.Layers, WebMercator.TileAt(118.71, 41.005, 10), CancellationToken.None);
        var layer = Assert.Single(MvtReader.Read(lookup.Content.Data).Layers);

        Assert.Equal("p", layer.Name);
        Assert.Equal([130881000000001UL, 130881000000002UL], layer.Features.Select(f => f.Id!.Value).Order());
        var first = layer.Features.Single(f => f.Id == 130881000000001UL);
        Assert.Equal("a", first.Attributes["name"]);
        Assert.Equal(12.5, first.Attributes["mj"]);
        Assert.False(first.Attributes.ContainsKey("bsm"));
        var second = layer.Features.Single(f => f.Id == 130881000000002UL);
        Assert.False(second.Attributes.ContainsKey("name")); // null values are omitted, MVT has no null
    }

    [Fact]
    public async Task Layer_outside_its_zoom_range_is_left_out_and_an_empty_tile_is_empty()
    {
        var (service, catalog, source) = Create(minZoom: 12);
        var lookup = await service.GetTileAsync(catalog.Layers, WebMercator.TileAt(118.71, 41.005, 10), CancellationToken.None);
        Assert.True(lookup.Content.IsEmpty);
        Assert.Equal(0, source.QueryCount);
    }

    [Fact]
    public async Task Same_tile_twice_is_produced_once_and_has_a_stable_etag()
    {
        var (service, catalog, source) = Create();
        var tile = WebMercator.TileAt(118.71, 41.005, 11);
        var first = await service.GetTileAsync(catalog.Layers, tile, CancellationToken.None);
        var second = await service.GetTileAsync(catalog.Layers, tile, CancellationToken.None);
        Assert.True(second.FromCache);
        Assert.Equal(1, source.QueryCount);
        var again = await service.ProduceAsync(catalog.Layers, tile, CancellationToken.None);
        Assert.Equal(first.Content.ETag, again.ETag);
        Assert.Equal(first.Content.Data, again.Data);
        Assert.NotEqual(first.Content.ETag, (await service.ProduceAsync(catalog.Layers, new TileCoordinate(11, tile.Column + 1, tile.Row), CancellationToken.None)).ETag);
    }

    [Fact]
    public void Catalog_rejects_unknown_tables_and_attributes_with_one_line()
    {
        var (_, _, source) = Create();
        var badTable = Assert.Throws<Core.Errors.ConfigurationException>(() =>
            new LayerCatalog([new LayerDefinition { Id = "x", Source = "memory", Table = "nope" }], [source]));
        Assert.Contains("no table 'nope'", badTable.Message);
        var badAttribute = Assert.Throws<Core.Errors.ConfigurationException>(() =>
            new LayerCatalog([new LayerDefinition { Id = "x", Source = "memory", Table = "parcels", Attributes = ["zzz"] }], [source]));
        Assert.Contains("'zzz'", badAttribute.Message);
        Assert.DoesNotContain('\n', badAttribute.Message);
    }
}
