using System.Buffers.Binary;
using System.IO.Compression;
using TileServer.Rendering.Png;

namespace TileServer.Rendering.Tests.Png;

/// <summary>Minimal independent PNG reader for 8-bit colour types 3 and 6 (checks CRCs, inflates, unfilters).</summary>
internal sealed class PngTestDecoder
{
    public int Width { get; private set; }

    public int Height { get; private set; }

    public int ColourType { get; private set; }

    public int PaletteSize { get; private set; }

    public int[] FilterTypeCounts { get; } = new int[5];

    public List<string> ChunkTypes { get; } = [];

    /// <summary>Straight RGBA pixels.</summary>
    public byte[] Rgba { get; private set; } = [];

    public static PngTestDecoder Decode(ReadOnlySpan<byte> png)
    {
        var decoder = new PngTestDecoder();
        Assert.True(png[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        var idat = new MemoryStream();
        byte[] palette = [], alpha = [];
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[offset..]);
            var type = System.Text.Encoding.ASCII.GetString(png.Slice(offset + 4, 4));
            var data = png.Slice(offset + 8, length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png[(offset + 8 + length)..]), Crc32.Compute(png.Slice(offset + 4, length + 4)));
            decoder.ChunkTypes.Add(type);
            switch (type)
            {
                case "IHDR":
                    decoder.Width = BinaryPrimitives.ReadInt32BigEndian(data);
                    decoder.Height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    decoder.ColourType = data[9];
                    break;
                case "PLTE": palette = data.ToArray(); decoder.PaletteSize = length / 3; break;
                case "tRNS": alpha = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }

            offset += length + 12;
        }

        Assert.Equal("IEND", decoder.ChunkTypes[^1]);
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        inflater.CopyTo(raw);
        decoder.Unfilter(raw.ToArray(), palette, alpha);
        return decoder;
    }

    private void Unfilter(byte[] raw, byte[] palette, byte[] alpha)
    {
        var bpp = ColourType == 6 ? 4 : 1;
        var stride = Width * bpp;
        Assert.Equal((stride + 1) * Height, raw.Length);
        var previous = new byte[stride];
        var current = new byte[stride];
        Rgba = new byte[Width * Height * 4];
        for (var y = 0; y < Height; y++)
        {
            int filter = raw[y * (stride + 1)];
            FilterTypeCounts[filter]++;
            for (var i = 0; i < stride; i++)
            {
                int x = raw[(y * (stride + 1)) + 1 + i];
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

            for (var px = 0; px < Width; px++)
            {
                var o = ((y * Width) + px) * 4;
                if (ColourType == 6)
                {
                    current.AsSpan(px * 4, 4).CopyTo(Rgba.AsSpan(o));
                }
                else
                {
                    int index = current[px];
                    Rgba[o] = palette[index * 3];
                    Rgba[o + 1] = palette[(index * 3) + 1];
                    Rgba[o + 2] = palette[(index * 3) + 2];
                    Rgba[o + 3] = index < alpha.Length ? alpha[index] : (byte)255;
                }
            }

            (previous, current) = (current, previous);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
