using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace TileServer.Rendering.Png;

/// <summary>
/// Encodes a <see cref="RasterCanvas"/> as PNG (ISO/IEC 15948): 8-bit RGBA (colour type 6) or 8-bit
/// indexed-colour (colour type 3 with PLTE and tRNS), non-interlaced. Pixels are un-premultiplied on output
/// because PNG stores straight alpha (§4.3 "alpha ... not premultiplied"). One instance per thread; its
/// row, palette and compression buffers are reused between tiles.
/// </summary>
public sealed class PngEncoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]; // §5.2

    private readonly MemoryStream _compressed = new();
    private readonly ColorHistogram _histogram = new();
    private readonly MedianCutQuantizer _quantizer = new();
    private readonly uint[] _palette = new uint[256];
    private readonly int[] _paletteOrder = new int[256];
    private readonly byte[] _chunkData = new byte[256 * 3];
    private byte[] _currentRow = [];
    private byte[] _previousRow = [];
    private byte[] _filteredRows = [];

    /// <summary>Size of the palette used by the last indexed encode (for diagnostics and tests).</summary>
    public int LastPaletteSize { get; private set; }

    /// <summary>Whether the last indexed encode had to quantize (more than 256 distinct colours).</summary>
    public bool LastPaletteWasQuantized { get; private set; }

    /// <summary>
    /// Writes the PNG to <paramref name="output"/>. Returns false — writing nothing — only when
    /// <see cref="PngOptions.OmitEmpty"/> is set and every pixel is fully transparent.
    /// </summary>
    public bool Encode(RasterCanvas canvas, PngOptions options, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var pixels = canvas.Pixels;
        if (options.OmitEmpty && IsFullyTransparent(pixels))
        {
            return false;
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)options.ZlibLevel, 9u, nameof(options));
        var bitDepth = 8;
        if (options.Indexed)
        {
            BuildPalette(pixels, canvas.Width * canvas.Height);
            bitDepth = IndexBitDepth(LastPaletteSize);
        }

        // §9.2: filters work on whole bytes; below 8 bits per pixel the byte to the left is the "pixel" a.
        var bytesPerPixel = options.Indexed ? 1 : 4;
        var rowLength = options.Indexed ? ((canvas.Width * bitDepth) + 7) / 8 : canvas.Width * 4;
        EnsureRowBuffers(rowLength);
        output.Write(Signature);
        WriteHeader(output, canvas, options.Indexed, bitDepth);
        if (options.Indexed)
        {
            WritePaletteChunks(output);
        }

        var adaptive = options.Filters == PngFilterMode.Adaptive || (options.Filters == PngFilterMode.Auto && !options.Indexed);
        _compressed.SetLength(0);
        using (var zlib = new ZLibStream(_compressed, new ZLibCompressionOptions { CompressionLevel = options.ZlibLevel }, leaveOpen: true))
        {
            _previousRow.AsSpan(0, rowLength).Clear(); // §9.2: the row above the first is treated as zeros.
            for (var y = 0; y < canvas.Height; y++)
            {
                var current = _currentRow.AsSpan(0, rowLength);
                var rowPixels = pixels.Slice(y * canvas.Width * 4, canvas.Width * 4);
                if (options.Indexed)
                {
                    FillIndexRow(rowPixels, current, bitDepth);
                }
                else
                {
                    Unpremultiply(rowPixels, current);
                }

                zlib.Write(FilterRow(current, _previousRow.AsSpan(0, rowLength), bytesPerPixel, adaptive));
                (_currentRow, _previousRow) = (_previousRow, _currentRow);
            }
        }

        WriteChunk(output, "IDAT"u8, _compressed.GetBuffer().AsSpan(0, (int)_compressed.Length));
        WriteChunk(output, "IEND"u8, []);
        return true;
    }

    private static bool IsFullyTransparent(ReadOnlySpan<byte> pixels)
    {
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the filter-type byte followed by the filtered row (§9.2), chosen by the §12.8 heuristic.</summary>
    private ReadOnlySpan<byte> FilterRow(ReadOnlySpan<byte> current, ReadOnlySpan<byte> previous, int bytesPerPixel, bool adaptive)
    {
        var stride = current.Length + 1;
        if (!adaptive)
        {
            var none = _filteredRows.AsSpan(0, stride);
            none[0] = 0;
            current.CopyTo(none[1..]);
            return none;
        }

        var bestType = 0;
        var bestScore = long.MaxValue;
        for (var type = 0; type < ScanlineFilter.TypeCount; type++)
        {
            var row = _filteredRows.AsSpan(type * stride, stride);
            row[0] = (byte)type;
            ScanlineFilter.Apply(type, current, previous, bytesPerPixel, row[1..]);
            var score = ScanlineFilter.SumOfAbsoluteDifferences(row[1..]);
            if (score < bestScore)
            {
                bestScore = score;
                bestType = type;
            }
        }

        return _filteredRows.AsSpan(bestType * stride, stride);
    }

    private static void Unpremultiply(ReadOnlySpan<byte> premultiplied, Span<byte> straight)
    {
        for (var i = 0; i < premultiplied.Length; i += 4)
        {
            var colour = StraightColour(premultiplied.Slice(i, 4));
            BinaryPrimitives.WriteUInt32LittleEndian(straight.Slice(i, 4), colour);
        }
    }

    /// <summary>Straight RGBA packed R | G≪8 | B≪16 | A≪24 (premultiplied → straight with rounding).</summary>
    private static uint StraightColour(ReadOnlySpan<byte> p)
    {
        int a = p[3];
        if (a == 0)
        {
            return 0;
        }

        if (a == 255)
        {
            return p[0] | ((uint)p[1] << 8) | ((uint)p[2] << 16) | 0xFF000000u;
        }

        uint Channel(int v) => (uint)Math.Min(255, ((v * 255) + (a / 2)) / a);
        return Channel(p[0]) | (Channel(p[1]) << 8) | (Channel(p[2]) << 16) | ((uint)a << 24);
    }

    private void BuildPalette(ReadOnlySpan<byte> pixels, int pixelCount)
    {
        _histogram.Reset(pixelCount);
        for (var i = 0; i < pixels.Length; i += 4)
        {
            _histogram.Add(StraightColour(pixels.Slice(i, 4)));
        }

        int size;
        LastPaletteWasQuantized = _histogram.Count > _palette.Length;
        if (LastPaletteWasQuantized)
        {
            size = _quantizer.Quantize(_histogram, _palette);
        }
        else
        {
            size = _histogram.Count;
            for (var i = 0; i < size; i++)
            {
                _palette[i] = _histogram.ColourAt(i);
                _histogram.SetPaletteIndexAt(i, i);
            }
        }

        // Translucent entries first so tRNS can stop after the last of them (§11.3.2.1 allows a short tRNS).
        var next = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < size; i++)
            {
                if ((_palette[i] >> 24 == 255) == (pass == 1))
                {
                    _paletteOrder[i] = next++;
                }
            }
        }

        Span<uint> reordered = stackalloc uint[256];
        for (var i = 0; i < size; i++)
        {
            reordered[_paletteOrder[i]] = _palette[i];
        }

        reordered[..size].CopyTo(_palette);
        for (var i = 0; i < _histogram.Count; i++)
        {
            _histogram.SetPaletteIndexAt(i, _paletteOrder[_histogram.PaletteIndexAt(i)]);
        }

        LastPaletteSize = size;
    }

    /// <summary>
    /// Smallest bit depth that holds every palette index (§11.2.2 allows 1, 2, 4 and 8 for colour type 3):
    /// a tile of one or two colours then stores a bit per pixel, which compresses to about half.
    /// </summary>
    internal static int IndexBitDepth(int paletteSize) => paletteSize switch
    {
        <= 2 => 1,
        <= 4 => 2,
        <= 16 => 4,
        _ => 8,
    };

    /// <summary>Palette indices of one row, packed most significant bits first (§7.2) at <paramref name="bitDepth"/>.</summary>
    private void FillIndexRow(ReadOnlySpan<byte> premultiplied, Span<byte> packed, int bitDepth)
    {
        var pixelCount = premultiplied.Length / 4;
        if (bitDepth == 8)
        {
            for (var x = 0; x < pixelCount; x++)
            {
                packed[x] = (byte)_histogram.PaletteIndexOf(StraightColour(premultiplied.Slice(x * 4, 4)));
            }

            return;
        }

        packed.Clear();
        var perByte = 8 / bitDepth;
        for (var x = 0; x < pixelCount; x++)
        {
            var index = _histogram.PaletteIndexOf(StraightColour(premultiplied.Slice(x * 4, 4)));
            var shift = 8 - (bitDepth * ((x % perByte) + 1));
            packed[x / perByte] |= (byte)(index << shift);
        }
    }

    private void WritePaletteChunks(IBufferWriter<byte> output)
    {
        var size = LastPaletteSize;
        var translucent = 0;
        for (var i = 0; i < size; i++)
        {
            var colour = _palette[i];
            _chunkData[i * 3] = (byte)colour;
            _chunkData[(i * 3) + 1] = (byte)(colour >> 8);
            _chunkData[(i * 3) + 2] = (byte)(colour >> 16);
            if (colour >> 24 != 255)
            {
                translucent = i + 1;
            }
        }

        WriteChunk(output, "PLTE"u8, _chunkData.AsSpan(0, size * 3)); // §11.2.3
        if (translucent > 0)
        {
            for (var i = 0; i < translucent; i++)
            {
                _chunkData[i] = (byte)(_palette[i] >> 24);
            }

            WriteChunk(output, "tRNS"u8, _chunkData.AsSpan(0, translucent)); // §11.3.2.1
        }
    }

    private static void WriteHeader(IBufferWriter<byte> output, RasterCanvas canvas, bool indexed, int bitDepth)
    {
        // IHDR (§11.2.2): width, height, bit depth, colour type, compression 0, filter 0, interlace 0.
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, canvas.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], canvas.Height);
        header[8] = (byte)bitDepth;
        header[9] = indexed ? (byte)3 : (byte)6;
        header[10] = header[11] = header[12] = 0;
        WriteChunk(output, "IHDR"u8, header);
    }

    /// <summary>Chunk layout (§5.3): length, type, data, CRC-32 over type and data.</summary>
    private static void WriteChunk(IBufferWriter<byte> output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var span = output.GetSpan(data.Length + 12);
        BinaryPrimitives.WriteInt32BigEndian(span, data.Length);
        type.CopyTo(span[4..]);
        data.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[(8 + data.Length)..], Crc32.Compute(span.Slice(4, data.Length + 4)));
        output.Advance(data.Length + 12);
    }

    private void EnsureRowBuffers(int rowLength)
    {
        if (_currentRow.Length < rowLength)
        {
            _currentRow = new byte[rowLength];
            _previousRow = new byte[rowLength];
            _filteredRows = new byte[(rowLength + 1) * ScanlineFilter.TypeCount];
        }
    }
}
