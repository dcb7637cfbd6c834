namespace TileServer.Services.Tests.Raster;

using TileServer.Tests.Shared;
using NetTopologySuite.Geometries;
using TileServer.Caching;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Rendering;
using TileServer.Services.Layers;
using TileServer.Services.Raster;
using TileServer.Services.Tests.Tiles;
using TileServer.Styling;

public sealed class RasterTileServiceTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly FieldDefinition[] Fields = [new("bsm", FieldType.Text), new("ydyhfldm", FieldType.Text)];
    private static readonly Lazy<StyleRegistry> Styles = new(() => StyleRegistry.LoadDirectory(Path.Combine(RepositoryStyles.Root(), "styles")));
    private static readonly TileCoordinate Tile = WebMercator.TileAt(118.70, 41.01, 14);

    private static (double Lon, double Lat) PixelToLonLat(TileCoordinate tile, double x, double y)
    {
        var m = WebMercator.TileBoundsMeters(tile);
        return (WebMercator.XToLongitude(m.MinX + (x * m.Width / 256)), WebMercator.YToLatitude(m.MaxY - (y * m.Height / 256)));
    }

    private static Polygon PixelRectangle(TileCoordinate tile, double x0, double y0, double x1, double y1, Coordinate[]? hole = null)
    {
        var (lon0, lat0) = PixelToLonLat(tile, x0, y1);
        var (lon1, lat1) = PixelToLonLat(tile, x1, y0);
        var shell = Factory.CreateLinearRing([new(lon0, lat0), new(lon1, lat0), new(lon1, lat1), new(lon0, lat1), new(lon0, lat0)]);
        return hole is null ? Factory.CreatePolygon(shell) : Factory.CreatePolygon(shell, [Factory.CreateLinearRing(hole)]);
    }

    private static (RasterTileService Service, ILayerCatalog Catalog, InMemoryFeatureSource Source) Create(
        IReadOnlyList<(Geometry Geometry, object?[] Values)> rows, int minZoom = 10, string layerId = "ghyd", RasterTileOptions? options = null)
    {
        var source = new InMemoryFeatureSource("ghyd", Fields, rows);
        var definition = new LayerDefinition { Id = layerId, Source = "memory", Table = "ghyd", IdField = "bsm", MinZoom = minZoom, MaxZoom = 16 };
        var catalog = new LayerCatalog([definition], [source]);
        var binder = new RasterStyleBinder(Styles.Value, new Dictionary<string, string> { ["ghyd"] = "landuse" });
        return (new RasterTileService(new MemoryTileCache(new MemoryTileCacheOptions()), binder, options ?? new RasterTileOptions()), catalog, source);
    }

    private static Rgba StyleFill(string code) => Styles.Value.Get("landuse").Rules.First(r => r.Id == code).Fill!.Color;

    [Fact]
    public async Task Parcel_coded_0103_has_the_landuse_colour_of_0103_at_its_centre()
    {
        var (service, catalog, _) = Create([(PixelRectangle(Tile, 60, 70, 180, 200), ["1", "0103"])]);
        var lookup = await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None);

        var png = PngPixels.Decode(lookup.Content.Data);
        Assert.Equal((256, 256), (png.Width, png.Height));
        var colour = StyleFill("0103");
        Assert.Equal((colour.R, colour.G, colour.B, (byte)255), png.At(120, 135));
        Assert.Equal(0, png.At(10, 10).A);
        Assert.Empty(lookup.Content.Gzipped);
        Assert.StartsWith("\"", lookup.Content.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adjacent_parcels_of_different_classes_show_no_background_along_their_shared_edge()
    {
        // The shared edge falls inside pixel column 100 and the parcels cover the whole tile.
        var (service, catalog, _) = Create([
            (PixelRectangle(Tile, -20, -20, 100.37, 276), ["1", "0103"]),
            (PixelRectangle(Tile, 100.37, -20, 276, 276), ["2", "0301"]),
        ]);
        var png = PngPixels.Decode((await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None)).Content.Data);

        for (int y = 0; y < 256; y++)
        {
            for (int x = 98; x <= 102; x++)
            {
                Assert.True(png.At(x, y).A == 255, $"background shows at ({x}, {y}): alpha {png.At(x, y).A}");
            }
        }

        var left = StyleFill("0103");
        var right = StyleFill("0301");
        Assert.Equal((left.R, left.G, left.B, (byte)255), png.At(50, 128));
        Assert.Equal((right.R, right.G, right.B, (byte)255), png.At(200, 128));
    }

    [Fact]
    public async Task Repeated_codes_keep_each_parcels_own_class_and_an_unstyled_code_stays_unpainted()
    {
        // The renderer remembers a symbol per code string within a layer: the same string instances repeat here,
        // in alternation, with a code no rule matches among them.
        string[] codes = ["0103", "0301", "9999", "0103", "0301", "9999"];
        var rows = codes.Select((code, i) => ((Geometry)PixelRectangle(Tile, 10 + (i * 40), 60, 40 + (i * 40), 200), new object?[] { $"{i}", code })).ToList();
        var (service, catalog, _) = Create(rows);
        var png = PngPixels.Decode((await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None)).Content.Data);

        for (int i = 0; i < codes.Length; i++)
        {
            var pixel = png.At(25 + (i * 40), 130);
            if (codes[i] == "9999")
            {
                Assert.Equal(0, pixel.A);
                continue;
            }

            var colour = StyleFill(codes[i]);
            Assert.Equal((colour.R, colour.G, colour.B, (byte)255), pixel);
        }
    }

    [Fact]
    public async Task Layer_outside_its_zoom_range_is_not_drawn_or_queried()
    {
        var (service, catalog, source) = Create([(PixelRectangle(Tile, 60, 70, 180, 200), ["1", "0103"])], minZoom: 15);
        var lookup = await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None);

        Assert.True(lookup.Content.IsEmpty);
        Assert.Equal(0, source.QueryCount);
    }

    [Fact]
    public async Task Tile_without_features_in_it_is_empty()
    {
        var (service, catalog, source) = Create([(PixelRectangle(Tile, 300, 300, 400, 400), ["1", "0103"])]);
        var lookup = await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None);

        Assert.True(lookup.Content.IsEmpty);
        Assert.Equal(1, source.QueryCount);
    }

    [Fact]
    public async Task Layer_without_a_style_is_not_drawn()
    {
        var (service, catalog, source) = Create([(PixelRectangle(Tile, 60, 70, 180, 200), ["1", "0103"])], layerId: "unstyled");
        var lookup = await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None);

        Assert.True(lookup.Content.IsEmpty);
        Assert.Equal(0, source.QueryCount);
    }

    [Fact]
    public async Task Polygon_holes_stay_transparent()
    {
        var (a, b) = (PixelToLonLat(Tile, 100, 160), PixelToLonLat(Tile, 140, 110));
        Coordinate[] hole = [new(a.Lon, a.Lat), new(a.Lon, b.Lat), new(b.Lon, b.Lat), new(b.Lon, a.Lat), new(a.Lon, a.Lat)];
        var (service, catalog, _) = Create([(PixelRectangle(Tile, 60, 70, 180, 200, hole), ["1", "0103"])]);
        var png = PngPixels.Decode((await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None)).Content.Data);

        Assert.Equal(0, png.At(120, 135).A);
        Assert.Equal(255, png.At(70, 135).A);
    }

    [Fact]
    public async Task Second_request_comes_from_the_cache_with_the_same_etag_and_rgba_is_configurable()
    {
        var rows = new List<(Geometry, object?[])> { (PixelRectangle(Tile, 60, 70, 180, 200), ["1", "0103"]) };
        var (service, catalog, source) = Create(rows, options: new RasterTileOptions { Indexed = false });
        var first = await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None);
        var second = await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Content.ETag, second.Content.ETag);
        Assert.Equal(1, source.QueryCount);
        Assert.Equal(6, first.Content.Data[25]); // IHDR colour type: RGBA when indexed output is off.
        var colour = StyleFill("0103");
        Assert.Equal((colour.R, colour.G, colour.B, (byte)255), PngPixels.Decode(first.Content.Data).At(120, 135));
    }

    [Fact]
    public async Task Exact_palette_tiles_are_png8()
    {
        var (service, catalog, _) = Create([(PixelRectangle(Tile, 60, 70, 180, 200), ["1", "0103"])]);
        var lookup = await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None);
        Assert.Equal(3, lookup.Content.Data[25]); // IHDR colour type: indexed.
    }
}
