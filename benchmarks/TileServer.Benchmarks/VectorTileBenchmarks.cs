namespace TileServer.Benchmarks;

using BenchmarkDotNet.Attributes;
using TileServer.Caching;
using TileServer.Core.Caching;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Layers;
using TileServer.Services.Tiles;
using TileServer.Sources.GeoPackage;

/// <summary>Whole-tile MVT production from the GeoPackage (R-tree query, WKB walk, clip, simplify,
/// encode, gzip, hash) and a memory-cache hit, over 平泉's seat at several zooms; and the same ghyd tile in
/// CGCS2000Quad at the level of equal scale (level n ↔ zoom n), whose tile space is linear in degrees.</summary>
[MemoryDiagnoser]
public class VectorTileBenchmarks
{
    private VectorTileService service = null!;
    private IReadOnlyList<PublishedLayer> landuse = null!;
    private IReadOnlyList<PublishedLayer> controlLines = null!;
    private TileCoordinate tile;
    private TileCoordinate geographicTile;

    [Params(10, 12, 14, 16)]
    public int Zoom { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = new GeoPackageFeatureSource("sample", BenchmarkData.PingquanGeoPackage());
        var catalog = new LayerCatalog(
        [
            new LayerDefinition { Id = "ghyd", Source = "sample", Table = "ghyd", IdField = "bsm", MinZoom = 0, MaxZoom = 16, Attributes = ["bsm", "xzqdm", "ydyhfldm", "ydyhflmc", "mj"] },
            new LayerDefinition { Id = "yjjbnt", Source = "sample", Table = "yjjbnt", IdField = "bsm", MinZoom = 0, MaxZoom = 16, Attributes = ["bsm", "xzqdm"] },
            new LayerDefinition { Id = "stbhhx", Source = "sample", Table = "stbhhx", IdField = "bsm", MinZoom = 0, MaxZoom = 16, Attributes = ["bsm", "xzqdm"] },
            new LayerDefinition { Id = "czkfbj", Source = "sample", Table = "czkfbj", IdField = "bsm", MinZoom = 0, MaxZoom = 16, Attributes = ["bsm", "xzqdm"] },
        ], [source]);
        service = new VectorTileService(new MemoryTileCache(new MemoryTileCacheOptions()), new VectorTileOptions());
        landuse = [catalog.Layers[0]];
        controlLines = catalog.Layers.Skip(1).ToList();
        tile = WebMercator.TileAt(BenchmarkData.SeatLongitude, BenchmarkData.SeatLatitude, Zoom);
        geographicTile = TileMatrixSets.Cgcs2000Quad.TileAtLonLat(BenchmarkData.SeatLongitude, BenchmarkData.SeatLatitude, Zoom);
        _ = service.GetTileAsync(landuse, tile, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "ghyd tile, produced")]
    public Task<TileContent> LanduseProduced() => service.ProduceAsync(landuse, tile, CancellationToken.None);

    [Benchmark(Description = "ghyd tile in CGCS2000Quad, produced")]
    public Task<TileContent> LanduseGeographicProduced() => service.ProduceAsync(landuse, TileMatrixSets.Cgcs2000Quad, geographicTile, CancellationToken.None);

    [Benchmark(Description = "yjjbnt,stbhhx,czkfbj composite, produced")]
    public Task<TileContent> ControlLinesProduced() => service.ProduceAsync(controlLines, tile, CancellationToken.None);

    [Benchmark(Description = "ghyd tile, memory cache hit")]
    public ValueTask<TileLookup> LanduseCached() => service.GetTileAsync(landuse, tile, CancellationToken.None);
}
