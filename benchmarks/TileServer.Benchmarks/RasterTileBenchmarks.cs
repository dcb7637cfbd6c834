namespace TileServer.Benchmarks;

using BenchmarkDotNet.Attributes;
using TileServer.Caching;
using TileServer.Core.Caching;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Layers;
using TileServer.Services.Raster;
using TileServer.Sources.GeoPackage;
using TileServer.Styling;

/// <summary>Whole PNG tile production from the GeoPackage without the cache (R-tree query, WKB walk,
/// style resolution, fill, hatch, stroke, PNG encode), for the landuse layer and the control-line
/// composite, at z8/z12/z14/z16 over the seat, a forest and the county boundary.</summary>
[MemoryDiagnoser]
public class RasterTileBenchmarks
{
    private RasterTileService service = null!;
    private IReadOnlyList<PublishedLayer> landuse = null!;
    private IReadOnlyList<PublishedLayer> controlLines = null!;
    private TileCoordinate tile;

    [Params(8, 12, 14, 16)]
    public int Zoom { get; set; }

    [Params("seat", "forest", "boundary")]
    public string Place { get; set; } = "seat";

    [GlobalSetup]
    public void Setup()
    {
        var catalog = RasterBenchmarkSetup.Catalog();
        service = RasterBenchmarkSetup.Service();
        landuse = [catalog.Layers[0]];
        controlLines = catalog.Layers.Skip(1).ToList();
        var (lon, lat) = BenchmarkPlaces.Of(Place);
        tile = WebMercator.TileAt(lon, lat, Zoom);
    }

    [Benchmark(Description = "ghyd PNG, rendered")]
    public Task<TileContent> Landuse() => service.ProduceAsync(landuse, tile, CancellationToken.None);

    [Benchmark(Description = "yjjbnt,stbhhx,czkfbj PNG, rendered")]
    public Task<TileContent> ControlLines() => service.ProduceAsync(controlLines, tile, CancellationToken.None);
}
