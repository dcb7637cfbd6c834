namespace TileServer.Benchmarks;

using System.Globalization;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Tiling;

/// <summary>Times only the GeoPackage box scan of each tile in a tile list (the rows a raster tile reads, with
/// the fields the styles ask for and the renderer's query options), so the source's share of a tile can be measured apart from drawing.
/// Prints "layers z/x/y rows median_cpu_ms". Where the source has a row scan (<see cref="IFeatureRowScan"/>) it is
/// timed, as the renderer uses it, unless <c>streamed</c> asks for QueryAsync's records.</summary>
public static class SourceScanTimer
{
    /// <param name="streamed">Read through QueryAsync's records even where the source offers a row scan.</param>
    public static async Task RunAsync(string tileList, int rounds, bool streamed = false)
    {
        var catalog = RasterBenchmarkSetup.Catalog();
        var service = RasterBenchmarkSetup.Service();
        foreach (string line in File.ReadAllLines(tileList))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || parts[0].StartsWith('#'))
            {
                continue;
            }

            var layers = parts[0] == "ghyd" ? catalog.Layers.Take(1).ToList() : catalog.Layers.Skip(1).ToList();
            var tile = new TileCoordinate(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
            var meters = WebMercator.TileBoundsMeters(tile);
            double pad = meters.Width * 4 / 256;
            var b = meters.Buffer(pad, pad);
            var bounds = new BoundingBox(WebMercator.XToLongitude(b.MinX), WebMercator.YToLatitude(b.MinY), WebMercator.XToLongitude(b.MaxX), WebMercator.YToLatitude(b.MaxY));
            var cpu = new double[rounds + 1];
            long rows = 0;
            for (int i = 0; i <= rounds; i++)
            {
                double start = ProcessCpuClock.Milliseconds();
                rows = 0;
                foreach (var layer in layers)
                {
                    var fields = service.Styles.Find(layer)!.Fields;
                    var query = new FeatureQuery(layer.Definition.Table, bounds, fields) { ReusableRecords = true, IndexBoundsSuffice = true };
                    if (layer.Source is IFeatureRowScan scan && !streamed)
                    {
                        // As the renderer reads a GeoPackage: the row scan.
                        var counter = new RowCounter();
                        scan.Scan(query, counter, CancellationToken.None);
                        rows += counter.Rows;
                        continue;
                    }

                    await foreach (var feature in layer.Source.QueryAsync(query, CancellationToken.None))
                    {
                        rows += feature.Wkb.Length > 0 ? 1 : 0;
                    }
                }

                cpu[i] = ProcessCpuClock.Milliseconds() - start;
            }

            Array.Sort(cpu, 1, rounds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{parts[0]} {parts[1]}/{parts[2]}/{parts[3]} {rows} {cpu[1 + (rounds / 2)]:F3}"));
        }
    }
}
