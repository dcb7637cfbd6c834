using System.Buffers;
using System.Buffers.Binary;

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

    private readonly IdatCompressor _compressor = new();
    private readonly IndexedPalette _palette = new();
    private byte[] _currentRow = [];
    private byte[] _previousRow = [];
    private byte[] _filteredRows = [];
    private byte[] _filteredImage = [];

    /// <summary>Size of the palette used by the last indexed encode (for diagnostics and tests).</summary>
    public int LastPaletteSize => _palette.Size;

    /// <summary>Whether the last indexed encode had to quantize (more than 256 distinct colours).</summary>
    public bool LastPaletteWasQuantized => _palette.WasQuantized;

    /// <summary>
    /// Writes the PNG to <paramref name="output"/>. Returns false — writing nothing — only when
    /// <see cref="PngOptions.OmitEmpty"/> is set and every pixel is fully transparent.
    /// </summary>
    public bool Encode(RasterCanvas canvas, PngOptions options, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        return Encode(canvas.Pixels, canvas.Width, canvas.Height, options, output);
    }

    /// <summary>
    /// As <see cref="Encode(RasterCanvas, PngOptions, IBufferWriter{byte})"/>, from premultiplied RGBA pixels
    /// (<paramref name="width"/> × <paramref name="height"/>, rows top down) held outside a canvas — e.g. a tile
    /// decoded again to compare encoder settings on the same pixels.
    /// </summary>
    public bool Encode(ReadOnlySpan<byte> pixels, int width, int height, PngOptions options, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNotEqual(pixels.Length, width * height * 4);
        if (options.OmitEmpty && IsFullyTransparent(pixels))
        {
            return false;
        }

        var bitDepth = 8;
        if (options.Indexed)
        {
            _palette.Build(pixels, width, height);
            bitDepth = IndexedPalette.IndexBitDepth(_palette.Size);
        }

        // §9.2: filters work on whole bytes; below 8 bits per pixel the byte to the left is the "pixel" a.
        var bytesPerPixel = options.Indexed ? 1 : 4;
        var rowLength = options.Indexed ? ((width * bitDepth) + 7) / 8 : width * 4;
        EnsureRowBuffers(rowLength);
        output.Write(Signature);
        WriteHeader(output, width, height, options.Indexed, bitDepth);
        if (options.Indexed)
        {
            _palette.WriteChunks(output);
        }

        var adaptive = options.Filters == PngFilterMode.Adaptive || (options.Filters == PngFilterMode.Auto && !options.Indexed);
        var imageLength = (rowLength + 1) * height;
        if (_filteredImage.Length < imageLength)
        {
            _filteredImage = new byte[imageLength];
        }

        _previousRow.AsSpan(0, rowLength).Clear(); // §9.2: the row above the first is treated as zeros.
        for (var y = 0; y < height; y++)
        {
            var current = _currentRow.AsSpan(0, rowLength);
            var rowPixels = pixels.Slice(y * width * 4, width * 4);
            if (options.Indexed)
            {
                _palette.FillIndexRow(y, current, bitDepth);
            }
            else
            {
                Unpremultiply(rowPixels, current);
            }

            FilterRow(current, _previousRow.AsSpan(0, rowLength), bytesPerPixel, adaptive).CopyTo(_filteredImage.AsSpan(y * (rowLength + 1)));
            (_currentRow, _previousRow) = (_previousRow, _currentRow);
        }

        WriteChunk(output, "IDAT"u8, _compressor.Compress(_filteredImage.AsSpan(0, imageLength), options.Compression, options.Indexed ? _palette.RunCount : -1));
        WriteChunk(output, "IEND"u8, []);
        return true;
    }

    /// <summary>Premultiplied storage: a pixel with alpha 0 is all zeros, so the image is empty exactly when every
    /// byte is 0 (a vectorised search).</summary>
    private static bool IsFullyTransparent(ReadOnlySpan<byte> pixels) => !pixels.ContainsAnyExcept((byte)0);

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
            var colour = StraightColour.Of(premultiplied.Slice(i, 4));
            BinaryPrimitives.WriteUInt32LittleEndian(straight.Slice(i, 4), colour);
        }
    }

    private static void WriteHeader(IBufferWriter<byte> output, int width, int height, bool indexed, int bitDepth)
    {
        // IHDR (§11.2.2): width, height, bit depth, colour type, compression 0, filter 0, interlace 0.
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = (byte)bitDepth;
        header[9] = indexed ? (byte)3 : (byte)6;
        header[10] = header[11] = header[12] = 0;
        WriteChunk(output, "IHDR"u8, header);
    }

    /// <summary>Chunk layout (§5.3): length, type, data, CRC-32 over type and data.</summary>
    internal static void WriteChunk(IBufferWriter<byte> output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
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
