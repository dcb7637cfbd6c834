namespace TileServer.Services.Tests.Raster;

using NetTopologySuite.Geometries;
using TileServer.Caching;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Layers;
using TileServer.Services.Raster;
using TileServer.Sources.GeoPackage;
using TileServer.Styling;

/// <summary>A GeoPackage layer is drawn from its row scan (<see cref="IFeatureRowScan"/>); the tile must be byte for
/// byte the one drawn from the same source's streamed records.</summary>
public sealed class RasterRowScanTests : IDisposable
{
    private static readonly FieldDefinition[] Fields = [new("bsm", FieldType.Text), new("ydyhfldm", FieldType.Text)];
    private static readonly string[] Codes = ["0101", "0103", "0301", "1201", "9999", "0703", "1701"];
    private static readonly TileCoordinate Tile = WebMercator.TileAt(118.70, 41.01, 14);

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("tileserver-rowscan-");
    private readonly GeoPackageFeatureSource source;

    public RasterRowScanTests()
    {
        // A mosaic of 12 × 12 parcels over the tile and its margin, codes repeating, one with no style rule.
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var bounds = WebMercator.TileBoundsMeters(Tile);
        var features = new List<WritableFeature>();
        for (int row = 0; row < 12; row++)
        {
            for (int column = 0; column < 12; column++)
            {
                double x0 = bounds.MinX + ((column - 1) * bounds.Width / 10), y0 = bounds.MinY + ((row - 1) * bounds.Height / 10);
                double x1 = x0 + (bounds.Width / 10.3), y1 = y0 + (bounds.Height / 9.7);
                Coordinate[] ring =
                [
                    new(WebMercator.XToLongitude(x0), WebMercator.YToLatitude(y0)), new(WebMercator.XToLongitude(x1), WebMercator.YToLatitude(y0)),
                    new(WebMercator.XToLongitude(x1), WebMercator.YToLatitude(y1)), new(WebMercator.XToLongitude(x0), WebMercator.YToLatitude(y1)),
                    new(WebMercator.XToLongitude(x0), WebMercator.YToLatitude(y0)),
                ];
                features.Add(new WritableFeature(factory.CreatePolygon(ring), [$"{row}-{column}", Codes[((row * 12) + column) % Codes.Length]]));
            }
        }

        string path = Path.Combine(directory.FullName, "ghyd.gpkg");
        GeoPackageWriter.Write(path, [new FeatureLayerData(new FeatureLayerSchema("ghyd", GeometryKind.Polygon, 4490, Fields, "规划用地", "test"), features)]);
        source = new GeoPackageFeatureSource("gpkg", path);
    }

    [Fact]
    public async Task The_row_scan_draws_the_tile_the_streamed_records_draw()
    {
        byte[] scanned = await RenderAsync(source);
        byte[] streamed = await RenderAsync(new QueryOnlyFeatureSource(source));

        Assert.IsAssignableFrom<IFeatureRowScan>(source);
        Assert.NotEmpty(scanned);
        Assert.Equal(streamed, scanned);
    }

    public void Dispose()
    {
        source.Dispose();
        directory.Delete(recursive: true);
    }

    private static async Task<byte[]> RenderAsync(IFeatureSource from)
    {
        var styles = StyleRegistry.LoadDirectory(Path.Combine(RepositoryStyles.Root(), "styles"));
        var definition = new LayerDefinition { Id = "ghyd", Source = from.Id, Table = "ghyd", IdField = "bsm", MinZoom = 10, MaxZoom = 16 };
        var catalog = new LayerCatalog([definition], [from]);
        var binder = new RasterStyleBinder(styles, new Dictionary<string, string> { ["ghyd"] = "landuse" });
        var service = new RasterTileService(new MemoryTileCache(new MemoryTileCacheOptions()), binder, new RasterTileOptions());
        return (await service.GetTileAsync(catalog.Layers, Tile, CancellationToken.None)).Content.Data;
    }
}
