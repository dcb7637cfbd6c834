namespace TileServer.Benchmarks;

using System.Buffers;
using BenchmarkDotNet.Attributes;
using TileServer.Rendering;
using TileServer.Rendering.Png;

/// <summary>Indexed PNG encoding of the benchmark mosaic in each <see cref="PngCompression"/> mode: time here,
/// output size printed once in the setup (BenchmarkDotNet has no column for it).</summary>
[MemoryDiagnoser]
public class PngCompressionBenchmarks
{
    private readonly RasterCanvas mosaic = new(256, 256);
    private readonly PngEncoder encoder = new();
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);
    private PngOptions options = new();

    [Params(PngCompression.Fast, PngCompression.Balanced, PngCompression.Compact, PngCompression.Smallest)]
    public PngCompression Compression { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        BenchmarkMosaic.Draw(mosaic);
        options = new PngOptions { Indexed = true, Compression = Compression };
        Console.WriteLine($"// PNG size, {Compression}: {Encode()} bytes");
    }

    [Benchmark(Description = "PNG encode, indexed")]
    public int Encode()
    {
        output.ResetWrittenCount();
        encoder.Encode(mosaic, options, output);
        return output.WrittenCount;
    }
}
