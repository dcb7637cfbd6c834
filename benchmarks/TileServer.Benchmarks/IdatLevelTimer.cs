namespace TileServer.Benchmarks;

using System.Globalization;
using System.IO.Compression;

/// <summary>
/// The image data of each PNG in a directory (e.g. the indexed tiles written by encode-tiles) deflated again by
/// System.IO.Compression's zlib at each level and strategy the encoder could use: prints per file
/// "name variant=bytes/median_cpu_ms ...". Shows what a <see cref="TileServer.Rendering.Png.PngCompression"/>
/// mode would buy and cost on real tiles without rebuilding the encoder.
/// </summary>
public static class IdatLevelTimer
{
    public static void Run(string directory, int rounds)
    {
        var variants = new (string Name, int Level, ZLibCompressionStrategy Strategy)[]
        {
            ("rle", 6, ZLibCompressionStrategy.RunLengthEncoding),
            ("l1", 1, ZLibCompressionStrategy.Default),
            ("l2", 2, ZLibCompressionStrategy.Default),
            ("l3", 3, ZLibCompressionStrategy.Default),
            ("l4", 4, ZLibCompressionStrategy.Default),
            ("l5", 5, ZLibCompressionStrategy.Default),
            ("l6", 6, ZLibCompressionStrategy.Default),
            ("l6f", 6, ZLibCompressionStrategy.Filtered),
            ("l7", 7, ZLibCompressionStrategy.Default),
            ("l8", 8, ZLibCompressionStrategy.Default),
            ("l9", 9, ZLibCompressionStrategy.Default),
            ("l9f", 9, ZLibCompressionStrategy.Filtered),
        };
        var buffer = new MemoryStream();
        foreach (var file in Directory.GetFiles(directory, "*.png").Order())
        {
            var reader = new PngReader(File.ReadAllBytes(file));
            var line = Path.GetFileNameWithoutExtension(file);
            foreach (var (name, level, strategy) in variants)
            {
                var times = new double[rounds];
                for (var r = 0; r < rounds; r++)
                {
                    buffer.SetLength(0);
                    double start = ProcessCpuClock.Milliseconds();
                    using (var z = new ZLibStream(buffer, new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy }, leaveOpen: true))
                    {
                        z.Write(reader.Filtered);
                    }

                    times[r] = ProcessCpuClock.Milliseconds() - start;
                }

                Array.Sort(times);
                line += string.Create(CultureInfo.InvariantCulture, $" {name}={buffer.Length}/{times[rounds / 2]:F3}");
            }

            Console.WriteLine(line);
        }
    }
}
