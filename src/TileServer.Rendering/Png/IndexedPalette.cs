using System.Buffers;

namespace TileServer.Rendering.Png;

/// <summary>
/// The palette of an indexed-colour PNG (colour type 3): built from the tile's colours, written as PLTE and
/// tRNS (§11.2.3, §11.3.2.1), and used to turn rows of premultiplied pixels into packed palette indices.
/// Reused between tiles.
/// </summary>
internal sealed class IndexedPalette
{
    private readonly ColorHistogram _histogram = new();
    private readonly MedianCutQuantizer _quantizer = new();
    private readonly uint[] _palette = new uint[256];
    private readonly int[] _paletteOrder = new int[256];
    private readonly byte[] _chunkData = new byte[256 * 3];
    private int[] _runEnds = [];
    private int[] _runPositions = [];
    private int[] _rowFirstRun = [];

    /// <summary>Entries of the last palette built.</summary>
    public int Size { get; private set; }

    /// <summary>Runs of equal pixels (row-major, so a run may wrap to the next row) in the last image.</summary>
    public int RunCount { get; private set; }

    /// <summary>Whether the last palette had to be quantized (more than 256 distinct colours).</summary>
    public bool WasQuantized { get; private set; }

    /// <summary>Counts the image's colours and builds the palette: exact for ≤ 256 colours, else quantized.</summary>
    /// <remarks>Each row is cut into runs of equal pixels, and every run remembers the histogram position of its
    /// colour, so <see cref="FillIndexRow"/> turns a run into its palette index without converting or hashing the
    /// colour a second time.</remarks>
    public void Build(ReadOnlySpan<byte> pixels, int width, int height)
    {
        _histogram.Reset();
        var packed = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(pixels);
        if (_runEnds.Length < packed.Length)
        {
            _runEnds = new int[packed.Length];
            _runPositions = new int[packed.Length];
        }

        if (_rowFirstRun.Length < height + 1)
        {
            _rowFirstRun = new int[height + 1];
        }

        var runs = 0;
        var rowRuns = 0;
        var position = -1;
        for (var y = 0; y < height; y++)
        {
            _rowFirstRun[y] = rowRuns;
            var row = packed.Slice(y * width, width);
            var start = 0;
            while (start < width)
            {
                // Runs of one premultiplied value (parcel interiors) are counted with one hash probe; the end of a
                // run is found by a vectorised search.
                var run = RunEnd(row, start);
                var value = row[start];
                if (start == 0 && y > 0 && packed[(y * width) - 1] == value)
                {
                    // The previous row's last run goes on: one run of the image (the count the compressor's choice
                    // of strategy reads), the colour's position already known.
                    _histogram.AddAt(position, run);
                }
                else
                {
                    runs++;
                    position = _histogram.Add(StraightColour.Of(BitConverter.IsLittleEndian ? value : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(value)), run - start);
                }

                _runEnds[rowRuns] = run;
                _runPositions[rowRuns++] = position;
                start = run;
            }
        }

        _rowFirstRun[height] = rowRuns;
        RunCount = runs;
        int size;
        WasQuantized = _histogram.Count > _palette.Length;
        if (WasQuantized)
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

        OrderEntries(size);
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

        Size = size;
    }

    /// <summary>
    /// Fills _paletteOrder (old entry → new index). Translucent entries come first so tRNS can stop after the
    /// last of them (§11.3.2.1 allows a short tRNS); within each group the entries are ordered by descending
    /// pixel count, so the common colours get the low indices: deflate's Huffman codes then spend fewer distinct
    /// literals on the runs' first bytes, and below 8 bits per pixel the dominant colour is index 0, which
    /// <see cref="FillIndexRow"/> does not need to write. Keys are unique (the entry in the low bits), so the
    /// order does not depend on the sort's stability.
    /// </summary>
    private void OrderEntries(int size)
    {
        Span<long> counts = stackalloc long[256];
        counts.Clear();
        for (var i = 0; i < _histogram.Count; i++)
        {
            counts[_histogram.PaletteIndexAt(i)] += _histogram.CountAt(i);
        }

        // One key per entry, the entry itself in the low 8 bits: a sort of plain longs, no paired items to swap.
        Span<long> keys = stackalloc long[256];
        for (var i = 0; i < size; i++)
        {
            long opaque = _palette[i] >> 24 == 255 ? 1 : 0;
            keys[i] = (opaque << 62) | ((int.MaxValue - Math.Min(counts[i], int.MaxValue)) << 8) | (long)i;
        }

        keys[..size].Sort();
        for (var rank = 0; rank < size; rank++)
        {
            _paletteOrder[(int)(keys[rank] & 0xFF)] = rank;
        }
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

    /// <summary>Palette indices of row <paramref name="y"/> of the last image built, packed most significant bits
    /// first (§7.2) at <paramref name="bitDepth"/>.</summary>
    /// <remarks>The row is walked run by run as <see cref="Build"/> cut it: a fill per run at 8 bits, and nothing at
    /// all for runs of index 0 below 8 bits.</remarks>
    public void FillIndexRow(int y, Span<byte> packed, int bitDepth)
    {
        if (bitDepth != 8)
        {
            packed.Clear();
        }

        // 8 / bitDepth pixels per byte, a power of two: shifts and masks instead of a division per pixel.
        var pixelsPerByteLog2 = System.Numerics.BitOperations.Log2((uint)(8 / bitDepth));
        var pixelInByteMask = (1 << pixelsPerByteLog2) - 1;
        var x = 0;
        for (var r = _rowFirstRun[y]; r < _rowFirstRun[y + 1]; r++)
        {
            var end = _runEnds[r];
            var index = _histogram.PaletteIndexAt(_runPositions[r]);
            if (bitDepth == 8)
            {
                packed[x..end].Fill((byte)index);
            }
            else if (index != 0)
            {
                for (var k = x; k < end; k++)
                {
                    var shift = 8 - (bitDepth * ((k & pixelInByteMask) + 1));
                    packed[k >> pixelsPerByteLog2] |= (byte)(index << shift);
                }
            }

            x = end;
        }
    }

    /// <summary>End (exclusive) of the run of pixels equal to pixels[start]. Edge blends make runs of one or two
    /// pixels, checked directly; longer runs are searched with a vectorised IndexOfAnyExcept.</summary>
    private static int RunEnd(ReadOnlySpan<uint> pixels, int start)
    {
        var value = pixels[start];
        if (start + 1 == pixels.Length || pixels[start + 1] != value)
        {
            return start + 1;
        }

        if (start + 2 == pixels.Length || pixels[start + 2] != value)
        {
            return start + 2;
        }

        var length = pixels[(start + 3)..].IndexOfAnyExcept(value);
        return length < 0 ? pixels.Length : start + 3 + length;
    }

    public void WriteChunks(IBufferWriter<byte> output)
    {
        var size = Size;
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

        PngEncoder.WriteChunk(output, "PLTE"u8, _chunkData.AsSpan(0, size * 3)); // §11.2.3
        if (translucent > 0)
        {
            for (var i = 0; i < translucent; i++)
            {
                _chunkData[i] = (byte)(_palette[i] >> 24);
            }

            PngEncoder.WriteChunk(output, "tRNS"u8, _chunkData.AsSpan(0, translucent)); // §11.3.2.1
        }
    }
}
