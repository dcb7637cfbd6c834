using System.Buffers.Binary;
using System.IO.Compression;

namespace TileServer.Styling.Tests;

/// <summary>A minimal PNG reader for 8-bit RGBA, non-interlaced images (what the legend writes), written
/// for the tests from ISO/IEC 15948 §5 (chunks), §9 (filters) and §10 (zlib stream).</summary>
internal sealed class PngTestDecoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngTestDecoder(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Rgba { get; }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        int i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public static PngTestDecoder Decode(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "PNG signature");
        int offset = 8;
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                Assert.Equal(8, offset);
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]); // bit depth
                Assert.Equal(6, data[9]); // colour type RGBA
                Assert.Equal(0, data[12]); // no interlace
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        byte[] raw = inflated.ToArray();
        int stride = width * 4;
        Assert.Equal((stride + 1) * height, raw.Length);
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int x = raw[(y * (stride + 1)) + 1 + i];
                int a = i >= 4 ? pixels[(y * stride) + i - 4] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = i >= 4 && y > 0 ? pixels[((y - 1) * stride) + i - 4] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                pixels[(y * stride) + i] = (byte)(x + predictor);
            }
        }

        return new PngTestDecoder(width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
