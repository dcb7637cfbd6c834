namespace TileServer.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;

/// <summary>Renders a list of tiles (lines "layers z x y", layers = ghyd or control) in process without
/// cache, as the Mapnik side does, and prints "layers z/x/y median_wall_ms bytes median_cpu_ms allocated_bytes" per tile (CPU time of the process, which a
/// loaded machine does not inflate the way it inflates wall time).</summary>
public static class TileListRenderer
{
    public static async Task RunAsync(string tileList, int rounds, string? outputDirectory)
    {
        var catalog = RasterBenchmarkSetup.Catalog();
        var service = RasterBenchmarkSetup.Service();
        IReadOnlyList<PublishedLayer> landuse = [catalog.Layers[0]];
        IReadOnlyList<PublishedLayer> control = catalog.Layers.Skip(1).ToList();
        foreach (string line in File.ReadAllLines(tileList))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || parts[0].StartsWith('#'))
            {
                continue;
            }

            var layers = parts[0] == "ghyd" ? landuse : control;
            var tile = new TileCoordinate(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
            byte[] png = (await service.ProduceAsync(layers, tile, CancellationToken.None)).Data;
            var times = new double[rounds];
            var cpuTimes = new double[rounds];
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < rounds; i++)
            {
                double cpuStart = ProcessCpuClock.Milliseconds();
                long start = Stopwatch.GetTimestamp();
                _ = await service.ProduceAsync(layers, tile, CancellationToken.None);
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                cpuTimes[i] = ProcessCpuClock.Milliseconds() - cpuStart;
            }

            long allocatedPerTile = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / rounds;
            Array.Sort(times);
            Array.Sort(cpuTimes);
            if (outputDirectory is not null)
            {
                Directory.CreateDirectory(outputDirectory);
                File.WriteAllBytes(Path.Combine(outputDirectory, $"{parts[0]}-{parts[1]}-{parts[2]}-{parts[3]}.png"), png);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{parts[0]} {parts[1]}/{parts[2]}/{parts[3]} {times[rounds / 2]:F3} {png.Length} {cpuTimes[rounds / 2]:F3} {allocatedPerTile}"));
        }
    }
}
