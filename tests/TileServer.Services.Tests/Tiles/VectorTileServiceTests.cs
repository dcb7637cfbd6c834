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
    public async Task A_cgcs2000_quad_tile_places_vertices_linearly_in_degrees()
    {
        var (service, catalog, _) = Create(0, "name");
        var set = TileMatrixSets.Cgcs2000Quad;
        var tile = set.TileAtLonLat(118.705, 41.005, 12);
        var bounds = set.TileBounds(tile); // 0.087890625° square: lon 118.65234375…, lat …41.044921875
        var lookup = await service.GetTileAsync(catalog.Layers, set, tile, CancellationToken.None);
        var feature = Assert.Single(MvtReader.Read(lookup.Content.Data).Layers).Features.Single(f => f.Id == 130881000000001UL);

        // The square (118.70, 41.00)–(118.71, 41.01): extent units are (lon − west) and (north − lat) over the
        // tile's span times 4096 (a Web Mercator tile space would stretch the rows with latitude).
        int X(double lon) => (int)Math.Round((lon - bounds.MinX) / bounds.Width * 4096);
        int Y(double lat) => (int)Math.Round((bounds.MaxY - lat) / bounds.Height * 4096);
        var expected = new[] { (X(118.70), Y(41.00)), (X(118.71), Y(41.00)), (X(118.71), Y(41.01)), (X(118.70), Y(41.01)) };
        Assert.Equal((2221, 2094), expected[0]);
        var ring = Assert.Single(feature.Parts);
        Assert.Equal(4, ring.Count);
        foreach (var (x, y) in expected)
            Assert.Contains(ring, p => Math.Abs(p.X - x) <= 1 && Math.Abs(p.Y - y) <= 1);
    }

    [Fact]
    public async Task Geographic_levels_follow_layer_zooms_by_equal_scale_and_are_cached_apart()
    {
        var (service, catalog, source) = Create(minZoom: 12);
        var quad = TileMatrixSets.WorldCrs84Quad; // level n has the scale of Web Mercator zoom n + 1
        var level10 = await service.GetTileAsync(catalog.Layers, quad, quad.TileAtLonLat(118.705, 41.005, 10), CancellationToken.None);
        Assert.True(level10.Content.IsEmpty);
        Assert.Equal(0, source.QueryCount);
        var level11 = quad.TileAtLonLat(118.705, 41.005, 11);
        Assert.False((await service.GetTileAsync(catalog.Layers, quad, level11, CancellationToken.None)).Content.IsEmpty);

        // The Web Mercator tile with the same numbers is another tile, not a cache hit of the geographic one.
        var mercator = await service.GetTileAsync(catalog.Layers, level11, CancellationToken.None);
        Assert.False(mercator.FromCache);
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
