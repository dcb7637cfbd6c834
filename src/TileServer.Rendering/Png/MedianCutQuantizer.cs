namespace TileServer.Rendering.Png;

/// <summary>
/// Palette for a tile with more than 256 colours: the frequent colours are kept exactly, the rest are
/// median-cut (Heckbert, "Color Image Quantization for Frame Buffer Display", 1982).
/// <para>
/// A map tile is a few style colours filling parcel interiors plus thousands of anti-aliased blends along
/// their edges, each covering a handful of pixels. Plain median cut averages a style colour with the blends
/// around it, so interiors come out a shade off the national standard colour. Instead, colours covering at
/// least <see cref="AnchorMinimumPixels"/> pixels (up to <see cref="MaxAnchors"/> of them, most frequent
/// first) become "anchor" entries verbatim, and only the remaining colours are median-cut into the entries
/// left: pixel-count weighted, in premultiplied RGBA so colours differing only under low alpha merge first,
/// splitting the box with the largest squared error at the weighted median of its widest channel. A
/// median-cut colour is mapped to its box's mean (no per-colour nearest search, which would cost 256
/// distance computations for each of thousands of edge colours on every tile).
/// </para>
/// </summary>
internal sealed class MedianCutQuantizer
{
    /// <summary>Colours covering at least this many pixels (about an 11 × 11 block: a parcel's interior, not
    /// an edge blend) are kept exactly.</summary>
    /// <remarks>At 16 px, colours of a few short edges became anchors and took entries that median-cut boxes
    /// use better: on the dense benchmark tiles 128 gave a lower mean error and smaller files
    /// (docs/benchmarks.md, ninth session).</remarks>
    internal const int AnchorMinimumPixels = 128;

    /// <summary>At most this many exact entries, so ≥ 64 remain for the edge blends.</summary>
    internal const int MaxAnchors = 192;

    private const int MaxColours = 256;

    /// <summary>
    /// Boxes whose pixel-weighted squared error (in premultiplied 8-bit units², summed over channels) is
    /// at most this are not split further: 16384 is, say, 64 edge pixels each 8 levels off in all four
    /// channels, or 16 pixels 16 levels off. Every entry costs PLTE and tRNS bytes, which on a light tile are
    /// most of the file, and every finer split of rare edge blends adds index entropy that deflate cannot
    /// remove; below this error the split buys no visible accuracy (the benchmark tiles' mean error stays
    /// 2.9–15× below Mapnik's octree palette, docs/benchmarks.md).
    /// </summary>
    private const double MaxBoxError = 16384.0 * 255 * 255;

    private readonly MedianCutBoxes _boxes = new();
    private int[] _items = new int[1024];
    private long[] _anchorKeys = new long[1024];
    private ColorHistogram _histogram = null!;

    /// <summary>Builds ≤ 256 straight colours into <paramref name="palette"/> and assigns every histogram colour an entry.</summary>
    public int Quantize(ColorHistogram histogram, Span<uint> palette)
    {
        _histogram = histogram;
        var n = histogram.Count;
        if (_items.Length < n)
        {
            _items = new int[n];
            _anchorKeys = new long[n];
        }

        // Frequent colours first (a partition, not a sort of all n), then those few by descending count, ties by
        // colour: the anchors are a prefix of _items, and any frequent colours beyond MaxAnchors join the median cut.
        var frequent = 0;
        for (var i = 0; i < n; i++)
        {
            if (histogram.CountAt(i) >= AnchorMinimumPixels)
            {
                _items[i] = _items[frequent];
                _items[frequent++] = i;
            }
            else
            {
                _items[i] = i;
            }
        }

        for (var i = 0; i < frequent; i++)
        {
            _anchorKeys[i] = ((long)(int.MaxValue - histogram.CountAt(_items[i])) << 32) | histogram.ColourAt(_items[i]);
        }

        _anchorKeys.AsSpan(0, frequent).Sort(_items.AsSpan(0, frequent));
        var anchors = 0;
        while (anchors < Math.Min(MaxAnchors, frequent))
        {
            palette[anchors] = histogram.ColourAt(_items[anchors]);
            histogram.SetPaletteIndexAt(_items[anchors], anchors);
            anchors++;
        }

        var cut = _items.AsSpan(anchors, n - anchors);
        var boxes = _boxes.Cut(histogram, cut, MaxColours - anchors, MaxBoxError);
        for (var b = 0; b < boxes; b++)
        {
            var entry = anchors + b;
            palette[entry] = _boxes.Mean(b);
            for (var i = _boxes.Start(b); i < _boxes.End(b); i++)
            {
                histogram.SetPaletteIndexAt(cut[i], entry);
            }
        }

        return MergeDuplicateEntries(palette, anchors + boxes);
    }

    /// <summary>
    /// Two entries can come out equal — a box whose mean rounds to an anchor's colour, or to fully transparent
    /// beside a transparent anchor. Such duplicates cost 3–4 palette bytes each and split runs of what is one
    /// colour in the image, so they are merged (same pixels, fewer entries). A small open-addressing table on
    /// the stack finds them in one pass.
    /// </summary>
    private int MergeDuplicateEntries(Span<uint> palette, int size)
    {
        Span<int> slots = stackalloc int[2 * MaxColours]; // Kept entry + 1; 0 = free.
        Span<int> remap = stackalloc int[MaxColours];
        slots.Clear();
        var kept = 0;
        for (var entry = 0; entry < size; entry++)
        {
            var colour = palette[entry];
            var slot = (int)((colour * 2654435769u) >> 23);
            while (slots[slot] != 0 && palette[slots[slot] - 1] != colour)
            {
                slot = (slot + 1) & ((2 * MaxColours) - 1);
            }

            if (slots[slot] == 0)
            {
                palette[kept] = colour;
                slots[slot] = ++kept;
            }

            remap[entry] = slots[slot] - 1;
        }

        if (kept < size)
        {
            for (var i = 0; i < _histogram.Count; i++)
            {
                _histogram.SetPaletteIndexAt(i, remap[_histogram.PaletteIndexAt(i)]);
            }
        }

        return kept;
    }
}
