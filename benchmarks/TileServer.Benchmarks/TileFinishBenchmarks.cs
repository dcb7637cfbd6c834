namespace TileServer.Benchmarks;

using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using TileServer.Caching;
using TileServer.Core.Caching;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Layers;
using TileServer.Services.Tiles;
using TileServer.Sources.GeoPackage;

/// <summary>The fixed part of an uncached tile after encoding (issue 3's light-tile overhead): the strong tag
/// (SHA-256) and the gzip copy, at the zlib level used before (6, CompressionLevel.Optimal) and now (2), on real
/// ghyd tiles over 平泉's seat: z16 is light, z12 heavy.</summary>
[MemoryDiagnoser]
public class TileFinishBenchmarks
{
    private byte[] tileBytes = [];

    [Params(12, 14, 16)]
    public int Zoom { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = new GeoPackageFeatureSource("sample", BenchmarkData.PingquanGeoPackage());
        var catalog = new LayerCatalog(
        [
            new LayerDefinition { Id = "ghyd", Source = "sample", Table = "ghyd", IdField = "bsm", MinZoom = 0, MaxZoom = 16, Attributes = ["bsm", "xzqdm", "ydyhfldm", "ydyhflmc", "mj"] },
        ], [source]);
        var service = new VectorTileService(new MemoryTileCache(new MemoryTileCacheOptions()), new VectorTileOptions());
        var tile = WebMercator.TileAt(BenchmarkData.SeatLongitude, BenchmarkData.SeatLatitude, Zoom);
        tileBytes = service.ProduceAsync(catalog.Layers, tile, CancellationToken.None).GetAwaiter().GetResult().Data;
        Console.WriteLine($"// z{Zoom}: {tileBytes.Length} bytes");
    }

    [Benchmark(Baseline = true, Description = "finish, gzip level 6 (before)")]
    public TileContent FinishLevel6() => TileHasher.Finish(tileBytes, 6);

    [Benchmark(Description = "finish, gzip level 2 (now)")]
    public TileContent FinishLevel2() => TileHasher.Finish(tileBytes, 2);

    [Benchmark(Description = "SHA-256 tag alone")]
    public byte[] Sha256Only() => SHA256.HashData(tileBytes);
}
