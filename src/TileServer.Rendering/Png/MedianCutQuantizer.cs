using System.Runtime.Intrinsics;

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
    /// <summary>Colours covering at least this many pixels are kept exactly.</summary>
    internal const int AnchorMinimumPixels = 16;

    /// <summary>At most this many exact entries, so ≥ 64 remain for the edge blends.</summary>
    internal const int MaxAnchors = 192;

    private const int MaxColours = 256;

    /// <summary>
    /// Boxes whose pixel-weighted squared error (in premultiplied 8-bit units², summed over channels) is
    /// at most this are not split further: 1024 is, say, 16 pixels each 4 levels off in all four channels.
    /// Small palettes keep the PLTE and tRNS chunks short, which on a light tile is most of the file.
    /// </summary>
    private const double MaxBoxError = 1024.0 * 255 * 255;

    private int[] _items = new int[1024];
    private int[] _keys = new int[1024];
    private int[] _scratch = new int[1024];
    private long[] _sortKeys = new long[1024];
    private int[] _sortItems = new int[1024];
    private readonly int[] _boxStart = new int[MaxColours];
    private readonly int[] _boxEnd = new int[MaxColours];
    private readonly double[] _boxError = new double[MaxColours];
    private readonly int[] _boxChannel = new int[MaxColours];
    private ColorHistogram _histogram = null!;

    /// <summary>Builds ≤ 256 straight colours into <paramref name="palette"/> and assigns every histogram colour an entry.</summary>
    public int Quantize(ColorHistogram histogram, Span<uint> palette)
    {
        _histogram = histogram;
        var n = histogram.Count;
        if (_items.Length < n)
        {
            _items = new int[n];
            _keys = new int[n];
            _scratch = new int[n];
            _sortKeys = new long[n];
            _sortItems = new int[n];
        }

        // Frequent colours first (a partition, not a sort of all n), then those few by descending count:
        // the anchors are a prefix of _items, and any frequent colours beyond MaxAnchors join the median cut.
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
            _keys[i] = -histogram.CountAt(_items[i]);
        }

        _keys.AsSpan(0, frequent).Sort(_items.AsSpan(0, frequent));
        var anchors = 0;
        while (anchors < Math.Min(MaxAnchors, frequent))
        {
            palette[anchors] = histogram.ColourAt(_items[anchors]);
            histogram.SetPaletteIndexAt(_items[anchors], anchors);
            anchors++;
        }

        var boxes = CutBoxes(anchors, n, MaxColours - anchors);
        for (var b = 0; b < boxes; b++)
        {
            var entry = anchors + b;
            palette[entry] = WeightedMean(_boxStart[b], _boxEnd[b]);
            for (var i = _boxStart[b]; i < _boxEnd[b]; i++)
            {
                histogram.SetPaletteIndexAt(_items[i], entry);
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

    /// <summary>Median cut of _items[start..end) into at most <paramref name="maxBoxes"/> boxes; returns the count.</summary>
    private int CutBoxes(int start, int end, int maxBoxes)
    {
        if (start >= end)
        {
            return 0;
        }

        var boxes = 1;
        SetBox(0, start, end);
        while (boxes < maxBoxes)
        {
            var worst = -1;
            for (var b = 0; b < boxes; b++)
            {
                if (_boxEnd[b] - _boxStart[b] > 1 && (worst < 0 || _boxError[b] > _boxError[worst]))
                {
                    worst = b;
                }
            }

            if (worst < 0 || _boxError[worst] <= MaxBoxError)
            {
                break;
            }

            var split = SplitAtWeightedMedian(worst);
            var boxEnd = _boxEnd[worst];
            SetBox(worst, _boxStart[worst], split);
            SetBox(boxes++, split, boxEnd);
        }

        return boxes;
    }

    /// <summary>Channel value premultiplied, scaled to 0..65025 to keep integer precision.</summary>
    private static int Premultiplied(uint colour, int channel)
    {
        var alpha = (int)(colour >> 24);
        var value = (int)((colour >> (channel * 8)) & 0xFF);
        return channel == 3 ? alpha * 255 : value * alpha;
    }

    /// <summary>Records the box and its error: the per-channel weighted variances in one pass over its colours.</summary>
    private void SetBox(int box, int start, int end)
    {
        _boxStart[box] = start;
        _boxEnd[box] = end;
        double weight = 0;
        var sum = Vector256<double>.Zero;
        var sumSquares = Vector256<double>.Zero;
        for (var i = start; i < end; i++)
        {
            double count = _histogram.CountAt(_items[i]);
            var colour = _histogram.ColourAt(_items[i]);
            var value = Vector256.Create((double)Premultiplied(colour, 0), Premultiplied(colour, 1), Premultiplied(colour, 2), Premultiplied(colour, 3));
            weight += count;
            sum += value * count;
            sumSquares += value * count * value; // The order of the scalar version it replaced: identical sums.
        }

        var errors = weight > 0 ? sumSquares - (sum * sum / weight) : Vector256<double>.Zero;
        var bestChannel = 0;
        for (var channel = 1; channel < 4; channel++)
        {
            if (errors[channel] > errors[bestChannel])
            {
                bestChannel = channel;
            }
        }

        _boxChannel[box] = bestChannel;
        _boxError[box] = Vector256.Sum(errors);
    }

    /// <summary>
    /// Splits the box at the weighted median of its widest channel: in the order of that channel's value (ties by
    /// the colour itself, so the order is total and the result does not depend on how the items lie), the left
    /// box takes items up to the first whose running pixel count reaches half the box's. A full sort per split
    /// was most of the encoder's time on dense tiles, so the items are bucketed by their value's high byte, only
    /// the bucket holding the median is sorted, and the box is partitioned around it in two linear passes.
    /// Returns the first item of the right box.
    /// </summary>
    private int SplitAtWeightedMedian(int box)
    {
        int start = _boxStart[box], end = _boxEnd[box], channel = _boxChannel[box];
        var n = end - start;
        var items = _items.AsSpan(start, n);
        var keys = _keys.AsSpan(start, n);
        Span<long> bucketWeight = stackalloc long[256];
        bucketWeight.Clear();
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            var key = Premultiplied(_histogram.ColourAt(items[i]), channel); // 0..65025: bucket = high byte
            keys[i] = key;
            long count = _histogram.CountAt(items[i]);
            bucketWeight[key >> 8] += count;
            total += count;
        }

        // The bucket in which the running count first reaches half, and how many items lie in lower buckets.
        long before = 0;
        var median = 0;
        while ((before + bucketWeight[median]) * 2 < total)
        {
            before += bucketWeight[median++];
        }

        var below = 0;
        var inMedian = 0;
        for (var i = 0; i < n; i++)
        {
            var bucket = keys[i] >> 8;
            below += bucket < median ? 1 : 0;
            inMedian += bucket == median ? 1 : 0;
        }

        // Sort the median bucket's items by (value, colour) and walk them to the split.
        var order = _sortKeys.AsSpan(0, inMedian);
        var orderItems = _sortItems.AsSpan(0, inMedian);
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            if (keys[i] >> 8 == median)
            {
                order[m] = ((long)keys[i] << 32) | _histogram.ColourAt(items[i]);
                orderItems[m++] = items[i];
            }
        }

        order.Sort(orderItems);
        var taken = 0;
        var running = before;
        while (taken < inMedian - 1 && (running + _histogram.CountAt(orderItems[taken])) * 2 < total)
        {
            running += _histogram.CountAt(orderItems[taken++]);
        }

        // Left: the lower buckets and the median bucket's first taken + 1 (all but the box's last item at most).
        var split = Math.Min(below + taken + 1, n - 1);
        var leftFromMedian = split - below;
        var scratch = _scratch.AsSpan(0, n);
        int left = 0, right = split;
        for (var i = 0; i < n; i++)
        {
            var bucket = keys[i] >> 8;
            if (bucket < median)
            {
                scratch[left++] = items[i];
            }
            else if (bucket > median)
            {
                scratch[right++] = items[i];
            }
        }

        orderItems[..leftFromMedian].CopyTo(scratch[left..]);
        orderItems[leftFromMedian..].CopyTo(scratch[right..]);
        scratch.CopyTo(items);
        return start + split;
    }

    private uint WeightedMean(int start, int end)
    {
        double weight = 0, r = 0, g = 0, b = 0, a = 0;
        for (var i = start; i < end; i++)
        {
            double count = _histogram.CountAt(_items[i]);
            var colour = _histogram.ColourAt(_items[i]);
            weight += count;
            r += count * Premultiplied(colour, 0);
            g += count * Premultiplied(colour, 1);
            b += count * Premultiplied(colour, 2);
            a += count * Premultiplied(colour, 3);
        }

        var alpha = a / weight / 255;
        if (alpha < 0.5)
        {
            return 0; // Fully transparent entry.
        }

        static uint Straight(double premultipliedSum, double weight, double alpha) =>
            (uint)Math.Clamp(Math.Round(premultipliedSum / weight / alpha), 0, 255);

        return Straight(r, weight, alpha) | (Straight(g, weight, alpha) << 8) | (Straight(b, weight, alpha) << 16) |
            ((uint)Math.Round(alpha) << 24);
    }
}
