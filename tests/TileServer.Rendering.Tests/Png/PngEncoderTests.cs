using TileServer.Tests.Shared;
using System.Buffers;
using TileServer.Rendering.Png;
using TileServer.Rendering.Tests.Oracle;
using Xunit.Abstractions;

namespace TileServer.Rendering.Tests.Png;

public sealed class PngEncoderTests(ITestOutputHelper output)
{
    [Fact]
    public void Crc32_matches_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Theory]
    [InlineData(10, 20, 30, 10)]
    [InlineData(10, 200, 30, 200)]
    [InlineData(100, 20, 30, 100)]
    [InlineData(10, 20, 15, 15)]
    public void Paeth_predictor_follows_the_specification(int a, int b, int c, int expected) =>
        Assert.Equal(expected, ScanlineFilter.Paeth(a, b, c));

    [Fact]
    public void Rgba_round_trips_exactly_and_uses_several_filter_types()
    {
        var canvas = new RasterCanvas(256, 256);
        new SampleTile().Render(canvas);
        var png = Encode(canvas, new PngOptions());
        var decoded = PngPixels.Decode(png);

        Assert.Equal(6, decoded.ColourType);
        Assert.Equal(ExpectedStraight(canvas), decoded.Rgba);
        Assert.True(decoded.FilterTypeCounts.Count(c => c > 0) >= 2, string.Join(",", decoded.FilterTypeCounts));
    }

    [Fact]
    public void Indexed_with_few_colours_uses_an_exact_palette_with_short_trns()
    {
        var canvas = new RasterCanvas(40, 30);
        canvas.Clear(Rgba.Transparent);
        var path = new VectorPath();
        path.AddRectangle(0, 0, 20, 30);
        canvas.FillPath(path, new Paint(Rgba.Parse("#FF000080")));
        path.Reset();
        path.AddRectangle(20, 10, 20, 10);
        canvas.FillPath(path, new Paint(Rgba.Parse("#00FF00")));

        var encoder = new PngEncoder();
        var png = Encode(canvas, new PngOptions { Indexed = true }, encoder);
        var decoded = PngPixels.Decode(png);

        Assert.Equal(3, decoded.ColourType);
        Assert.False(encoder.LastPaletteWasQuantized);
        Assert.Equal(3, decoded.PaletteSize);
        Assert.Contains("tRNS", decoded.ChunkTypes);
        Assert.Equal(ExpectedStraight(canvas), decoded.Rgba);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pixels_outside_a_canvas_encode_to_the_same_bytes_as_the_canvas(bool indexed)
    {
        var canvas = new RasterCanvas(256, 256);
        new SampleTile().Render(canvas);
        var options = new PngOptions { Indexed = indexed };
        var writer = new ArrayBufferWriter<byte>();

        Assert.True(new PngEncoder().Encode(canvas.Pixels.ToArray(), 256, 256, options, writer));
        Assert.Equal(Encode(canvas, options), writer.WrittenSpan.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => new PngEncoder().Encode(new byte[16], 256, 256, options, writer));
    }

    [Fact]
    public void Indexed_with_many_colours_quantizes_with_small_error()
    {
        var canvas = new RasterCanvas(256, 256);
        new SampleTile().Render(canvas);
        var encoder = new PngEncoder();
        var png = Encode(canvas, new PngOptions { Indexed = true }, encoder);
        var decoded = PngPixels.Decode(png);

        Assert.True(encoder.LastPaletteWasQuantized);
        Assert.InRange(decoded.PaletteSize, 64, 256); // Edge blends are merged until each box is within MedianCutQuantizer.MaxBoxError.
        var difference = ImageDifference.Measure(decoded.Rgba, ExpectedStraight(canvas));
        output.WriteLine($"PNG8 quantization error: {difference}");
        Assert.True(difference.Mean < 1.0, difference.ToString());
    }

    [Fact]
    public void Reports_sizes_and_omits_empty_tiles()
    {
        var canvas = new RasterCanvas(256, 256);
        new SampleTile().Render(canvas);
        var indexedSizes = new Dictionary<PngCompression, int>();
        foreach (var level in Enum.GetValues<PngCompression>())
        {
            var rgba = Encode(canvas, new PngOptions { Compression = level }).Length;
            var indexed = Encode(canvas, new PngOptions { Indexed = true, Compression = level }).Length;
            Assert.Equal(ExpectedStraight(canvas), PngPixels.Decode(Encode(canvas, new PngOptions { Compression = level })).Rgba);
            output.WriteLine($"PNG size {level}: RGBA {rgba} bytes, PNG8 {indexed} bytes");
            Assert.True(indexed < rgba);
            indexedSizes[level] = indexed;
        }

        // Balanced keeps the smaller of the run-length stream and, above the retry size, zlib level 6.
        Assert.True(indexedSizes[PngCompression.Balanced] <= indexedSizes[PngCompression.Fast]);
        // Compact keeps the smaller of the two streams at any size, so it is never larger than Balanced.
        Assert.True(indexedSizes[PngCompression.Compact] <= indexedSizes[PngCompression.Balanced]);

        canvas.Clear(Rgba.Transparent);
        var writer = new ArrayBufferWriter<byte>();
        Assert.False(new PngEncoder().Encode(canvas, new PngOptions { OmitEmpty = true }, writer));
        Assert.Equal(0, writer.WrittenCount);
        Assert.True(new PngEncoder().Encode(canvas, new PngOptions(), writer));
        Assert.Equal(new byte[256 * 256 * 4], PngPixels.Decode(writer.WrittenSpan.ToArray()).Rgba);
    }

    internal static byte[] Encode(RasterCanvas canvas, PngOptions options, PngEncoder? encoder = null)
    {
        var writer = new ArrayBufferWriter<byte>();
        Assert.True((encoder ?? new PngEncoder()).Encode(canvas, options, writer));
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Independent un-premultiplication: round(p·255 / a), transparent pixels as 0,0,0,0.</summary>
    internal static byte[] ExpectedStraight(RasterCanvas canvas)
    {
        var premultiplied = canvas.Pixels;
        var straight = new byte[premultiplied.Length];
        for (var i = 0; i < premultiplied.Length; i += 4)
        {
            int a = premultiplied[i + 3];
            for (var c = 0; c < 3 && a > 0; c++)
            {
                straight[i + c] = (byte)Math.Min(255, (int)Math.Round(premultiplied[i + c] * 255.0 / a, MidpointRounding.AwayFromZero));
            }

            straight[i + 3] = (byte)a;
        }

        return straight;
    }
}
