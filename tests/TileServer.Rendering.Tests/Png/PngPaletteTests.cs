using System.Buffers;
using TileServer.Rendering.Png;
using TileServer.Rendering.Tests.Oracle;
using TileServer.Tests.Shared;

namespace TileServer.Rendering.Tests.Png;

/// <summary>Indexed PNG details: packed bit depths for small palettes, and quantized palettes that keep the
/// frequent (style) colours exact.</summary>
public sealed class PngPaletteTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 4)]
    [InlineData(16, 4)]
    [InlineData(17, 8)]
    [InlineData(200, 8)]
    public void Small_palettes_are_packed_at_the_smallest_bit_depth_and_round_trip(int colours, int expectedDepth)
    {
        // Width 13: rows end in a partly used byte at every depth below 8 (§7.2 pads the last byte).
        var canvas = new RasterCanvas(13, colours);
        canvas.Clear(Rgba.Transparent);
        var path = new VectorPath();
        for (var row = 1; row < colours; row++)
        {
            path.Reset();
            path.AddRectangle(0, row, 13, 1);
            canvas.FillPath(path, new Paint(new Rgba((byte)(row * 37), (byte)(255 - row), (byte)(row * 11), 255)));
        }

        var png = PngEncoderTests.Encode(canvas, new PngOptions { Indexed = true });
        var decoded = PngPixels.Decode(png);

        Assert.Equal(3, decoded.ColourType);
        Assert.Equal(expectedDepth, decoded.BitDepth);
        Assert.Equal(colours, decoded.PaletteSize);
        Assert.Equal(PngEncoderTests.ExpectedStraight(canvas), decoded.Rgba);
    }

    [Fact]
    public void One_colour_tiles_shrink_at_one_bit_per_pixel()
    {
        var canvas = new RasterCanvas(256, 256);
        canvas.Clear(new Rgba(255, 255, 0, 38));
        var packed = PngEncoderTests.Encode(canvas, new PngOptions { Indexed = true });
        Assert.Equal(1, PngPixels.Decode(packed).BitDepth);

        // The same pixels at 8 bits per index: the packed file must be smaller.
        canvas.FillPath(Square(0, 0, 1), new Paint(new Rgba(1, 2, 3, 255)));
        var twoColours = PngEncoderTests.Encode(canvas, new PngOptions { Indexed = true });
        Assert.True(packed.Length < 160, $"one-colour tile is {packed.Length} bytes");
        Assert.Equal(1, PngPixels.Decode(twoColours).BitDepth);
    }

    [Fact]
    public void Quantized_palettes_keep_frequent_colours_exact()
    {
        // A parcel mosaic with anti-aliased edges between 12 style colours: far more than 256 colours.
        var canvas = new RasterCanvas(256, 256);
        canvas.Clear(Rgba.Transparent);
        var styleColours = new Rgba[12];
        for (var i = 0; i < styleColours.Length; i++)
        {
            styleColours[i] = new Rgba((byte)(20 * i), (byte)(250 - (13 * i)), (byte)((97 * i) % 256), 255);
        }

        canvas.BeginLayer();
        var random = new Random(7);
        for (var cell = 0; cell < 64; cell++)
        {
            double x = (cell % 8) * 32, y = (cell / 8) * 32;
            var path = new VectorPath();
            path.MoveTo(x + random.NextDouble(), y + random.NextDouble());
            path.LineTo(x + 32 + random.NextDouble(), y + 0.3);
            path.LineTo(x + 31.6, y + 32.4 + random.NextDouble());
            path.LineTo(x + 0.7, y + 31.2);
            path.Close();
            canvas.FillPath(path, new Paint(styleColours[cell % styleColours.Length]));
        }

        canvas.EndLayer();
        var encoder = new PngEncoder();
        var decoded = PngPixels.Decode(PngEncoderTests.Encode(canvas, new PngOptions { Indexed = true }, encoder));
        var expected = PngEncoderTests.ExpectedStraight(canvas);

        Assert.True(encoder.LastPaletteWasQuantized);
        var counts = new Dictionary<uint, int>();
        for (var i = 0; i < expected.Length; i += 4)
        {
            var key = BitConverter.ToUInt32(expected, i);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        Assert.True(counts.Count > 256, $"{counts.Count} colours");
        var exactPixels = 0;
        for (var i = 0; i < expected.Length; i += 4)
        {
            if (counts[BitConverter.ToUInt32(expected, i)] >= MedianCutQuantizer.AnchorMinimumPixels)
            {
                Assert.Equal(expected.AsSpan(i, 4).ToArray(), decoded.Rgba.AsSpan(i, 4).ToArray());
                exactPixels++;
            }
        }

        Assert.True(exactPixels > 256 * 200, $"{exactPixels} pixels in frequent colours");
        var difference = ImageDifference.Measure(decoded.Rgba, expected);
        Assert.True(difference.Mean < 1.0, difference.ToString());
    }

    [Fact]
    public void Palette_lists_translucent_entries_first_each_group_by_descending_pixel_count()
    {
        // 40 × 10 pixels: translucent A on 4 columns, translucent B on 16, opaque C on 6, opaque D on 14.
        var canvas = new RasterCanvas(40, 10);
        var a = new Rgba(200, 0, 0, 128);
        var b = new Rgba(0, 200, 0, 64);
        var c = new Rgba(0, 0, 200, 255);
        var d = new Rgba(90, 90, 90, 255);
        canvas.Clear(Rgba.Transparent);
        canvas.FillPath(Rectangle(0, 4), new Paint(a));
        canvas.FillPath(Rectangle(4, 16), new Paint(b));
        canvas.FillPath(Rectangle(20, 6), new Paint(c));
        canvas.FillPath(Rectangle(26, 14), new Paint(d));

        var palette = new IndexedPalette();
        palette.Build(canvas.Pixels, 40, 10);
        var writer = new ArrayBufferWriter<byte>();
        palette.WriteChunks(writer);
        var chunks = writer.WrittenSpan.ToArray();

        // PLTE: the 4 straight colours in the expected order (B, A, D, C); then tRNS with only B's and A's alpha.
        var straight = PngEncoderTests.ExpectedStraight(canvas);
        Assert.Equal(4, palette.Size);
        Assert.Equal([.. Rgb(4), .. Rgb(0), .. Rgb(26), .. Rgb(20)], chunks.AsSpan(8, 12).ToArray());
        Assert.Equal("tRNS"u8.ToArray(), chunks.AsSpan(24 + 4, 4).ToArray());
        Assert.Equal(new byte[] { b.A, a.A }, chunks.AsSpan(24 + 8, 2).ToArray());
        var decoded = PngPixels.Decode(PngEncoderTests.Encode(canvas, new PngOptions { Indexed = true }));
        Assert.Equal(PngEncoderTests.ExpectedStraight(canvas), decoded.Rgba);

        byte[] Rgb(int x) => straight.AsSpan(x * 4, 3).ToArray();

        VectorPath Rectangle(double x, double width)
        {
            var path = new VectorPath();
            path.AddRectangle(x, 0, width, 10);
            return path;
        }
    }

    [Fact]
    public void Quantizer_merges_a_box_whose_mean_equals_an_anchor()
    {
        // A frequent grey (an anchor) and two rare neighbours one level either side: their box's mean is the grey.
        const uint grey = 100 | (100 << 8) | (100 << 16) | 0xFF000000u;
        var histogram = new ColorHistogram();
        histogram.Reset();
        histogram.Add(grey, 50);
        histogram.Add(grey + 1, 1);
        histogram.Add(grey - 1, 1);
        var palette = new uint[256];

        var size = new MedianCutQuantizer().Quantize(histogram, palette);

        Assert.Equal(1, size);
        Assert.Equal(grey, palette[0]);
        Assert.All(Enumerable.Range(0, histogram.Count), n => Assert.Equal(0, histogram.PaletteIndexAt(n)));
    }

    [Fact]
    public void Runs_continue_across_rows_and_every_row_gets_its_own_indices()
    {
        // 5 × 3: row 0 is grey, row 1 grey then red from x = 3, row 2 red. The grey run wraps from row 0 into
        // row 1 and the red one from row 1 into row 2: two runs in the image, five pieces cut at the row ends.
        var canvas = new RasterCanvas(5, 3);
        canvas.Clear(new Rgba(90, 90, 90, 255));
        var red = new VectorPath();
        red.AddRectangle(3, 1, 2, 1);
        red.AddRectangle(0, 2, 5, 1);
        canvas.FillPath(red, new Paint(new Rgba(200, 0, 0, 255)));

        var palette = new IndexedPalette();
        palette.Build(canvas.Pixels, 5, 3);
        var rows = new byte[3][];
        for (var y = 0; y < 3; y++)
        {
            rows[y] = new byte[1];
            palette.FillIndexRow(y, rows[y], 1);
        }

        Assert.Equal(2, palette.RunCount);
        Assert.Equal(2, palette.Size);
        // One bit per pixel, most significant first; grey covers 8 of 15 pixels, so it is entry 0.
        Assert.Equal(0b0000_0000, rows[0][0]);
        Assert.Equal(0b0001_1000, rows[1][0]);
        Assert.Equal(0b1111_1000, rows[2][0]);
    }

    private static VectorPath Square(double x, double y, double size)
    {
        var path = new VectorPath();
        path.AddRectangle(x, y, size, size);
        return path;
    }
}
