namespace TileServer.Benchmarks;

using System.Buffers;
using BenchmarkDotNet.Attributes;
using TileServer.Rendering;
using TileServer.Rendering.Png;

/// <summary>The rasterizer's parts on a 256×256 canvas: an even-odd fill of a 64-vertex parcel, a 1.5 px
/// stroke of it (the red line's width) and a dashed 2 px one, and the PNG encode (indexed, then RGBA) of a
/// canvas holding a mosaic of 64 parcels in 8 landuse colours — a typical z14 tile.</summary>
[MemoryDiagnoser]
public class RasterPrimitiveBenchmarks
{
    private static readonly Paint Fill = new(Rgba.Parse("#E6E600"), 1f);
    private static readonly Paint Red = new(Rgba.Parse("#FF0000"), 1f);
    private static readonly StrokeStyle RedLine = new() { Width = 1.5 };
    private static readonly StrokeStyle Dashed = new() { Width = 2.0, DashArray = [6, 3] };
    private static readonly PngOptions Indexed = new() { Indexed = true, OmitEmpty = true };
    private static readonly PngOptions Rgba32 = new() { Indexed = false, OmitEmpty = true };

    private readonly RasterCanvas canvas = new(256, 256);
    private readonly RasterCanvas mosaic = new(256, 256);
    private readonly VectorPath parcel = new();
    private readonly PngEncoder encoder = new();
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        // A wobbly 64-vertex ring across most of the tile, like a large parcel at z14.
        var ring = new double[2 * 65];
        for (int i = 0; i <= 64; i++)
        {
            double angle = 2 * Math.PI * i / 64;
            double radius = 100 + (12 * Math.Sin(5 * angle));
            ring[2 * i] = 128 + (radius * Math.Cos(angle));
            ring[(2 * i) + 1] = 128 + (radius * Math.Sin(angle));
        }

        parcel.AddRing(ring);

        BenchmarkMosaic.Draw(mosaic);
    }

    [Benchmark(Description = "fill 64-vertex parcel")]
    public void FillParcel()
    {
        canvas.Clear(Rgba.Transparent);
        canvas.FillPath(parcel, Fill, FillRule.EvenOdd);
    }

    [Benchmark(Description = "stroke 64-vertex parcel, 1.5 px")]
    public void StrokeParcel()
    {
        canvas.Clear(Rgba.Transparent);
        canvas.StrokePath(parcel, RedLine, Red);
    }

    [Benchmark(Description = "stroke 64-vertex parcel, 2 px dashed")]
    public void StrokeDashed()
    {
        canvas.Clear(Rgba.Transparent);
        canvas.StrokePath(parcel, Dashed, Red);
    }

    [Benchmark(Description = "PNG encode, indexed")]
    public int EncodeIndexed()
    {
        output.ResetWrittenCount();
        encoder.Encode(mosaic, Indexed, output);
        return output.WrittenCount;
    }

    [Benchmark(Description = "PNG encode, RGBA")]
    public int EncodeRgba()
    {
        output.ResetWrittenCount();
        encoder.Encode(mosaic, Rgba32, output);
        return output.WrittenCount;
    }
}
