namespace TileServer.Tests.Shared;

using System.Buffers.Binary;
using System.IO.Compression;

/// <summary>A minimal PNG reader for the encoder's output (8-bit, colour type 3 or 6, non-interlaced), so the
/// tests check the pixels a client would see rather than the canvas. Linked into every test project that
/// decodes tiles (tests/Shared).</summary>
internal sealed class PngPixels
{
    private PngPixels(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Straight RGBA, row-major.</summary>
    public byte[] Rgba { get; }

    public (byte R, byte G, byte B, byte A) At(int x, int y)
    {
        int o = ((y * Width) + x) * 4;
        return (Rgba[o], Rgba[o + 1], Rgba[o + 2], Rgba[o + 3]);
    }

    public static PngPixels Decode(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        int width = 0, height = 0, colourType = 0;
        byte[] palette = [], alpha = [];
        var idat = new MemoryStream();
        for (int offset = 8; offset < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    colourType = data[9];
                    break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": alpha = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }

            offset += length + 12;
        }

        idat.Position = 0;
        var raw = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(raw);
        }

        int bpp = colourType == 6 ? 4 : 1;
        int stride = width * bpp;
        byte[] rows = raw.ToArray();
        Assert.Equal((stride + 1) * height, rows.Length);
        var previous = new byte[stride];
        var current = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++)
        {
            int filter = rows[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int x = rows[(y * (stride + 1)) + 1 + i];
                int a = i >= bpp ? current[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                current[i] = (byte)(filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + b,
                    3 => x + ((a + b) / 2),
                    4 => x + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }

            for (int px = 0; px < width; px++)
            {
                int o = ((y * width) + px) * 4;
                if (bpp == 4)
                {
                    current.AsSpan(px * 4, 4).CopyTo(rgba.AsSpan(o));
                }
                else
                {
                    int index = current[px];
                    rgba[o] = palette[index * 3];
                    rgba[o + 1] = palette[(index * 3) + 1];
                    rgba[o + 2] = palette[(index * 3) + 2];
                    rgba[o + 3] = index < alpha.Length ? alpha[index] : (byte)255;
                }
            }

            (previous, current) = (current, previous);
        }

        return new PngPixels(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
