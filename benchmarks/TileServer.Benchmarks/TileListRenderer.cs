namespace TileServer.Benchmarks;

using System.Diagnostics;
using System.Globalization;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Raster;

/// <summary>Renders a list of tiles (lines "layers z x y", layers = ghyd or control) in process without
/// cache, as the Mapnik side does, and prints "layers z/x/y median_wall_ms bytes median_cpu_ms allocated_bytes" per tile (CPU time of the process, which a
/// loaded machine does not inflate the way it inflates wall time).</summary>
public static class TileListRenderer
{
    /// <param name="warmupSeconds">Before timing, every tile of the list is rendered over and over for this long: with
    /// the runtime's defaults (tiered compilation with dynamic PGO, as the server runs) the hot methods are then
    /// recompiled at tier 1 and the JIT's background work is over before the first timed render.</param>
    public static async Task RunAsync(string tileList, int rounds, string? outputDirectory, double warmupSeconds = 0)
    {
        var catalog = RasterBenchmarkSetup.Catalog();
        var service = RasterBenchmarkSetup.Service();
        IReadOnlyList<PublishedLayer> landuse = [catalog.Layers[0]];
        IReadOnlyList<PublishedLayer> control = catalog.Layers.Skip(1).ToList();
        var tiles = new List<(string[] Parts, IReadOnlyList<PublishedLayer> Layers, TileCoordinate Tile)>();
        foreach (string line in File.ReadAllLines(tileList))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 4 && !parts[0].StartsWith('#'))
            {
                tiles.Add((parts, parts[0] == "ghyd" ? landuse : control, new TileCoordinate(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture))));
            }
        }

        await WarmUpAsync(service, tiles.Select(t => (t.Layers, t.Tile)).ToList(), warmupSeconds);
        foreach (var (parts, layers, tile) in tiles)
        {
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

    private static async Task WarmUpAsync(RasterTileService service, List<(IReadOnlyList<PublishedLayer> Layers, TileCoordinate Tile)> tiles, double seconds)
    {
        var clock = Stopwatch.StartNew();
        while (tiles.Count > 0 && clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (layers, tile) in tiles)
            {
                _ = await service.ProduceAsync(layers, tile, CancellationToken.None);
            }
        }
    }
}
