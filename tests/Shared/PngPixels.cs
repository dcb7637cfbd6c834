namespace TileServer.Tests.Shared;

using System.Buffers.Binary;
using System.IO.Compression;

/// <summary>A minimal, independent PNG reader for what our encoder writes (colour type 6 at 8 bits, colour
/// type 3 at 1, 2, 4 or 8 bits, non-interlaced), written for the tests from ISO/IEC 15948 §5 (chunks and their CRCs), §9 (filters) and
/// §10 (zlib), so the tests check the pixels a client would see rather than the canvas. Linked into every
/// test project that decodes PNGs (tests/Shared).</summary>
internal sealed class PngPixels
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    private PngPixels()
    {
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public int ColourType { get; private set; }

    public int BitDepth { get; private set; }

    public int PaletteSize { get; private set; }

    /// <summary>How many rows used each filter type 0–4.</summary>
    public int[] FilterTypeCounts { get; } = new int[5];

    public List<string> ChunkTypes { get; } = [];

    /// <summary>Straight RGBA, row-major.</summary>
    public byte[] Rgba { get; private set; } = [];

    public (byte R, byte G, byte B, byte A) At(int x, int y)
    {
        int o = ((y * Width) + x) * 4;
        return (Rgba[o], Rgba[o + 1], Rgba[o + 2], Rgba[o + 3]);
    }

    public static PngPixels Decode(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var image = new PngPixels();
        byte[] palette = [], alpha = [];
        var idat = new MemoryStream();
        for (int offset = 8; offset < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length)), Crc(png.AsSpan(offset + 4, length + 4)));
            image.ChunkTypes.Add(type);
            switch (type)
            {
                case "IHDR":
                    image.Width = BinaryPrimitives.ReadInt32BigEndian(data);
                    image.Height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    image.BitDepth = data[8];
                    image.ColourType = data[9];
                    Assert.Contains(image.BitDepth, image.ColourType == 3 ? new[] { 1, 2, 4, 8 } : new[] { 8 });
                    Assert.Equal(0, data[12]); // not interlaced
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    image.PaletteSize = length / 3;
                    break;
                case "tRNS": alpha = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }

            offset += length + 12;
        }

        Assert.Equal("IEND", image.ChunkTypes[^1]);
        idat.Position = 0;
        var raw = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(raw);
        }

        image.Unfilter(raw.ToArray(), palette, alpha);
        return image;
    }

    private void Unfilter(byte[] rows, byte[] palette, byte[] alpha)
    {
        // §9.2: below 8 bits per pixel the filters' "bytes per pixel" is 1.
        int bpp = ColourType == 6 ? 4 : 1;
        int stride = ColourType == 6 ? Width * 4 : ((Width * BitDepth) + 7) / 8;
        Assert.Equal((stride + 1) * Height, rows.Length);
        var previous = new byte[stride];
        var current = new byte[stride];
        Rgba = new byte[Width * Height * 4];
        for (int y = 0; y < Height; y++)
        {
            int filter = rows[y * (stride + 1)];
            FilterTypeCounts[filter]++;
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

            for (int px = 0; px < Width; px++)
            {
                int o = ((y * Width) + px) * 4;
                if (bpp == 4)
                {
                    current.AsSpan(px * 4, 4).CopyTo(Rgba.AsSpan(o));
                }
                else
                {
                    // §7.2: packed samples, leftmost pixel in the most significant bits.
                    int perByte = 8 / BitDepth;
                    int index = (current[px / perByte] >> (8 - (BitDepth * ((px % perByte) + 1)))) & ((1 << BitDepth) - 1);
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

    /// <summary>CRC-32 of ISO/IEC 15948 Annex D (reflected polynomial 0xEDB88320), independent of the encoder's.</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFF;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }

        return table;
    }
}
