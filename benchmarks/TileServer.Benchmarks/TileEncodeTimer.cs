namespace TileServer.Benchmarks;

using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Rendering.Png;
using TileServer.Services.Raster;

/// <summary>
/// The PNG encoder alone on real tiles (lines "layers z x y" as for render-tiles): each tile is rendered once as
/// RGBA (lossless), decoded back to the canvas's premultiplied pixels, and then encoded as the server does
/// (indexed, <see cref="PngCompression.Balanced"/> unless a mode is given) ROUNDS times. Prints per tile
/// "layers z/x/y bytes median_encode_cpu_ms palette_entries quantized mean_error max_error": the error is that
/// of the decoded PNG against the RGBA render (0 for an exact palette), mean over all channels of all pixels.
/// </summary>
public static class TileEncodeTimer
{
    public static async Task RunAsync(string tileList, int rounds, PngCompression compression, string? outputDirectory)
    {
        var catalog = RasterBenchmarkSetup.Catalog();
        var service = RasterBenchmarkSetup.Service(new RasterTileOptions { Indexed = false });
        IReadOnlyList<PublishedLayer> landuse = [catalog.Layers[0]];
        IReadOnlyList<PublishedLayer> control = catalog.Layers.Skip(1).ToList();
        var encoder = new PngEncoder();
        var options = new PngOptions { Indexed = true, OmitEmpty = true, Compression = compression };
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        foreach (string line in File.ReadAllLines(tileList))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || parts[0].StartsWith('#'))
            {
                continue;
            }

            var tile = new TileCoordinate(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
            byte[] rgbaPng = (await service.ProduceAsync(parts[0] == "ghyd" ? landuse : control, tile, CancellationToken.None)).Data;
            string name = $"{parts[0]} {parts[1]}/{parts[2]}/{parts[3]}";
            if (rgbaPng.Length == 0)
            {
                Console.WriteLine($"{name} 0 0 0 False 0 0");
                continue;
            }

            var rendered = new PngReader(rgbaPng);
            byte[] straight = rendered.StraightRgba();
            byte[] pixels = PngReader.Premultiply(straight);
            var cpuTimes = new double[rounds];
            for (int i = -1; i < rounds; i++)
            {
                output.ResetWrittenCount();
                double cpuStart = ProcessCpuClock.Milliseconds();
                encoder.Encode(pixels, rendered.Width, rendered.Height, options, output);
                if (i >= 0)
                {
                    cpuTimes[i] = ProcessCpuClock.Milliseconds() - cpuStart;
                }
            }

            Array.Sort(cpuTimes);
            byte[] png = output.WrittenSpan.ToArray();
            var (mean, max) = Difference(new PngReader(png).StraightRgba(), straight);
            if (outputDirectory is not null)
            {
                Directory.CreateDirectory(outputDirectory);
                File.WriteAllBytes(Path.Combine(outputDirectory, $"{parts[0]}-{parts[1]}-{parts[2]}-{parts[3]}.png"), png);
                File.WriteAllBytes(Path.Combine(outputDirectory, $"{parts[0]}-{parts[1]}-{parts[2]}-{parts[3]}.rgba.png"), rgbaPng);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {png.Length} {cpuTimes[rounds / 2]:F3} {encoder.LastPaletteSize} {encoder.LastPaletteWasQuantized} {mean:F4} {max}"));
        }
    }

    private static (double Mean, int Max) Difference(byte[] decoded, byte[] expected)
    {
        long sum = 0;
        int max = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            int difference = Math.Abs(decoded[i] - expected[i]);
            sum += difference;
            max = Math.Max(max, difference);
        }

        return ((double)sum / expected.Length, max);
    }
}
