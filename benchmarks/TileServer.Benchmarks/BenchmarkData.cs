namespace TileServer.Benchmarks;

using TileServer.SampleData;
using TileServer.Sources.GeoPackage;

/// <summary>The sample of 平泉市 at default density, generated once into the temp folder and reused by
/// every benchmark process (generation is deterministic for the seed).</summary>
public static class BenchmarkData
{
    public const double SeatLongitude = 118.70;
    public const double SeatLatitude = 41.01;

    public static string PingquanGeoPackage()
    {
        string path = Path.Combine(Path.GetTempPath(), "tileserver-bench", $"pingquan-{new SampleOptions().Seed}.gpkg");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var dataset = SampleGenerator.Generate(new SampleOptions { Units = ["130881"] });
            GeoPackageWriter.Write(path, dataset.Layers);
        }

        return path;
    }
}
