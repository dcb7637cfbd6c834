namespace TileServer.Benchmarks;

using System.Buffers.Binary;
using System.IO.Compression;

/// <summary>
/// A minimal PNG reader for the encoder benchmarks: the chunks, the inflated image data, and the pixels as
/// straight RGBA for 8-bit RGBA (colour type 6) and indexed colour (type 3, 1–8 bits) without interlacing —
/// the only forms our encoder writes (ISO/IEC 15948 §11.2.2).
/// </summary>
internal sealed class PngReader
{
    public PngReader(byte[] png)
    {
        var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            Chunks.Add((type, length));
            switch (type)
            {
                case "IHDR":
                    Width = BinaryPrimitives.ReadInt32BigEndian(data);
                    Height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    BitDepth = data[8];
                    ColourType = data[9];
                    break;
                case "PLTE":
                    Palette = data.ToArray();
                    break;
                case "tRNS":
                    Transparency = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            offset += length + 12;
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        var inflated = new MemoryStream();
        inflater.CopyTo(inflated);
        Filtered = inflated.ToArray();
    }

    public int Width { get; }

    public int Height { get; }

    public int BitDepth { get; }

    public int ColourType { get; }

    public byte[] Palette { get; } = [];

    public byte[] Transparency { get; } = [];

    /// <summary>The zlib stream's content: a filter-type byte and the filtered bytes of each row.</summary>
    public byte[] Filtered { get; }

    public List<(string Type, int Length)> Chunks { get; } = [];

    /// <summary>Straight RGBA, 4 bytes per pixel, rows top down.</summary>
    public byte[] StraightRgba()
    {
        var bitsPerPixel = ColourType == 6 ? 32 : BitDepth;
        var bytesPerPixel = Math.Max(1, bitsPerPixel / 8);
        var stride = ((Width * bitsPerPixel) + 7) / 8;
        var previous = new byte[stride];
        var row = new byte[stride];
        var rgba = new byte[Width * Height * 4];
        for (var y = 0; y < Height; y++)
        {
            var filter = Filtered[y * (stride + 1)];
            Filtered.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(row);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0, b = previous[i], c = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                row[i] += filter switch
                {
                    1 => (byte)a,
                    2 => (byte)b,
                    3 => (byte)((a + b) >> 1),
                    4 => (byte)Paeth(a, b, c),
                    _ => 0,
                };
            }

            for (var x = 0; x < Width; x++)
            {
                var target = rgba.AsSpan(((y * Width) + x) * 4, 4);
                if (ColourType == 6)
                {
                    row.AsSpan(x * 4, 4).CopyTo(target);
                    continue;
                }

                var perByte = 8 / BitDepth;
                var index = (row[x / perByte] >> (8 - (BitDepth * ((x % perByte) + 1)))) & ((1 << BitDepth) - 1);
                Palette.AsSpan(index * 3, 3).CopyTo(target);
                target[3] = index < Transparency.Length ? Transparency[index] : (byte)255;
            }

            (previous, row) = (row, previous);
        }

        return rgba;
    }

    /// <summary>Premultiplies straight RGBA with rounding — the exact inverse of the encoder's un-premultiplication
    /// for every pixel a canvas can hold (each channel ≤ alpha): the straight value is off by at most 0.5, which
    /// moves c·a/255 by less than 0.5.</summary>
    public static byte[] Premultiply(byte[] straight)
    {
        var premultiplied = new byte[straight.Length];
        for (var i = 0; i < straight.Length; i += 4)
        {
            int alpha = straight[i + 3];
            for (var c = 0; c < 3; c++)
            {
                premultiplied[i + c] = (byte)(((straight[i + c] * alpha) + 127) / 255);
            }

            premultiplied[i + 3] = (byte)alpha;
        }

        return premultiplied;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
