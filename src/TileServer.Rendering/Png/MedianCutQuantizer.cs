namespace TileServer.Rendering.Png;

/// <summary>
/// Median-cut colour quantization (Heckbert, "Color Image Quantization for Frame Buffer Display", 1982),
/// pixel-count weighted, in premultiplied RGBA so that colours differing only under low alpha merge first.
/// The box with the largest squared error is split at the weighted median of its highest-variance channel;
/// every distinct colour is then mapped to its nearest palette entry (not merely its box's mean).
/// </summary>
internal sealed class MedianCutQuantizer
{
    private const int MaxColours = 256;

    private ulong[] _items = new ulong[1024];
    private int[] _keys = new int[1024];
    private readonly int[] _boxStart = new int[MaxColours];
    private readonly int[] _boxEnd = new int[MaxColours];
    private readonly double[] _boxError = new double[MaxColours];
    private readonly int[] _boxChannel = new int[MaxColours];

    /// <summary>Builds ≤ 256 straight colours into <paramref name="palette"/> and assigns each histogram colour its nearest entry.</summary>
    public int Quantize(ColorHistogram histogram, Span<uint> palette)
    {
        var n = histogram.Count;
        if (_items.Length < n)
        {
            _items = new ulong[n];
            _keys = new int[n];
        }

        for (var i = 0; i < n; i++)
        {
            _items[i] = ((ulong)(uint)histogram.CountAt(i) << 32) | histogram.ColourAt(i);
        }

        var boxes = 1;
        SetBox(0, 0, n);
        while (boxes < MaxColours)
        {
            var worst = -1;
            for (var b = 0; b < boxes; b++)
            {
                if (_boxEnd[b] - _boxStart[b] > 1 && (worst < 0 || _boxError[b] > _boxError[worst]))
                {
                    worst = b;
                }
            }

            if (worst < 0 || _boxError[worst] <= 0)
            {
                break;
            }

            var split = SplitAtWeightedMedian(worst);
            var end = _boxEnd[worst];
            SetBox(worst, _boxStart[worst], split);
            SetBox(boxes++, split, end);
        }

        for (var b = 0; b < boxes; b++)
        {
            palette[b] = WeightedMean(_boxStart[b], _boxEnd[b]);
        }

        for (var i = 0; i < n; i++)
        {
            histogram.SetPaletteIndexAt(i, Nearest(histogram.ColourAt(i), palette[..boxes]));
        }

        return boxes;
    }

    /// <summary>Nearest entry by squared distance of premultiplied channels (alpha weighted like a colour channel).</summary>
    internal static int Nearest(uint colour, ReadOnlySpan<uint> palette)
    {
        var best = 0;
        var bestDistance = long.MaxValue;
        for (var p = 0; p < palette.Length; p++)
        {
            long distance = 0;
            for (var channel = 0; channel < 4; channel++)
            {
                long d = Premultiplied(colour, channel) - Premultiplied(palette[p], channel);
                distance += d * d;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = p;
            }
        }

        return best;
    }

    /// <summary>Channel value premultiplied, scaled to 0..65025 to keep integer precision.</summary>
    private static int Premultiplied(uint colour, int channel)
    {
        var alpha = (int)(colour >> 24);
        var value = (int)((colour >> (channel * 8)) & 0xFF);
        return channel == 3 ? alpha * 255 : value * alpha;
    }

    private void SetBox(int box, int start, int end)
    {
        _boxStart[box] = start;
        _boxEnd[box] = end;
        var bestError = -1.0;
        var totalError = 0.0;
        for (var channel = 0; channel < 4; channel++)
        {
            double weight = 0, sum = 0, sumSquares = 0;
            for (var i = start; i < end; i++)
            {
                double count = _items[i] >> 32;
                double value = Premultiplied((uint)_items[i], channel);
                weight += count;
                sum += count * value;
                sumSquares += count * value * value;
            }

            var error = weight > 0 ? sumSquares - (sum * sum / weight) : 0;
            totalError += error;
            if (error > bestError)
            {
                bestError = error;
                _boxChannel[box] = channel;
            }
        }

        _boxError[box] = totalError;
    }

    private int SplitAtWeightedMedian(int box)
    {
        int start = _boxStart[box], end = _boxEnd[box], channel = _boxChannel[box];
        var items = _items.AsSpan(start, end - start);
        var keys = _keys.AsSpan(start, end - start);
        long total = 0;
        for (var i = 0; i < items.Length; i++)
        {
            keys[i] = Premultiplied((uint)items[i], channel);
            total += (long)(items[i] >> 32);
        }

        keys.Sort(items);
        long running = 0;
        for (var i = 0; i < items.Length - 1; i++)
        {
            running += (long)(items[i] >> 32);
            if (running * 2 >= total)
            {
                return start + i + 1;
            }
        }

        return end - 1;
    }

    private uint WeightedMean(int start, int end)
    {
        double weight = 0, r = 0, g = 0, b = 0, a = 0;
        for (var i = start; i < end; i++)
        {
            double count = _items[i] >> 32;
            var colour = (uint)_items[i];
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
