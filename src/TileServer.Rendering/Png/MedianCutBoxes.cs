using System.Runtime.Intrinsics;

namespace TileServer.Rendering.Png;

/// <summary>
/// The boxes of a median cut (Heckbert 1982) over histogram colours, in premultiplied RGBA scaled to 0..65025
/// per channel: pixel-count weighted, the box with the largest squared error split at the weighted median of
/// its widest channel. Each box keeps its weight, per-channel sums and sums of squares. They are integers held
/// exactly in doubles (below 2⁵³ for images up to about two million pixels), so a split sums only the left half
/// and takes the right as the parent's sums minus the left's, with the same values a direct sum would give.
/// </summary>
internal sealed class MedianCutBoxes
{
    private const int MaxBoxes = 256;

    private readonly int[] _start = new int[MaxBoxes];
    private readonly int[] _end = new int[MaxBoxes];
    private readonly int[] _channel = new int[MaxBoxes];
    private readonly double[] _error = new double[MaxBoxes];
    private readonly double[] _weight = new double[MaxBoxes];
    private readonly Vector256<double>[] _sum = new Vector256<double>[MaxBoxes];
    private readonly Vector256<double>[] _sumSquares = new Vector256<double>[MaxBoxes];
    private int[] _premultiplied = new int[4096]; // Four channels per histogram position.
    private Vector256<double>[] _premultipliedVectors = new Vector256<double>[1024]; // The same, for the sums.
    private int[] _keys = new int[1024];
    private int[] _scratch = new int[1024];
    private long[] _sortKeys = new long[1024];
    private int[] _sortItems = new int[1024];
    private ColorHistogram _histogram = null!;

    /// <summary>
    /// Cuts <paramref name="items"/> (histogram positions, reordered in place so each box is a contiguous range)
    /// into at most <paramref name="maxBoxes"/> boxes, stopping early once no box's error exceeds
    /// <paramref name="maxBoxError"/>. Returns the number of boxes.
    /// </summary>
    public int Cut(ColorHistogram histogram, Span<int> items, int maxBoxes, double maxBoxError)
    {
        if (items.IsEmpty)
        {
            return 0;
        }

        _histogram = histogram;
        Prepare(histogram, items.Length);
        MeasureWhole(items);
        var boxes = 1;
        while (boxes < maxBoxes)
        {
            var worst = -1;
            for (var b = 0; b < boxes; b++)
            {
                if (_end[b] - _start[b] > 1 && (worst < 0 || _error[b] > _error[worst]))
                {
                    worst = b;
                }
            }

            if (worst < 0 || _error[worst] <= maxBoxError)
            {
                break;
            }

            Split(items, worst, boxes++);
        }

        return boxes;
    }

    /// <summary>First item (index into the cut span) of box <paramref name="box"/>.</summary>
    public int Start(int box) => _start[box];

    /// <summary>End (exclusive) of box <paramref name="box"/>.</summary>
    public int End(int box) => _end[box];

    /// <summary>The box's pixel-weighted mean as a straight colour, or fully transparent below half an alpha level.</summary>
    public uint Mean(int box)
    {
        var weight = _weight[box];
        var sum = _sum[box];
        var alpha = sum[3] / weight / 255;
        if (alpha < 0.5)
        {
            return 0;
        }

        static uint Straight(double premultipliedSum, double weight, double alpha) =>
            (uint)Math.Clamp(Math.Round(premultipliedSum / weight / alpha), 0, 255);

        return Straight(sum[0], weight, alpha) | (Straight(sum[1], weight, alpha) << 8) | (Straight(sum[2], weight, alpha) << 16) |
            ((uint)Math.Round(alpha) << 24);
    }

    private void Prepare(ColorHistogram histogram, int items)
    {
        if (_keys.Length < items)
        {
            _keys = new int[items];
            _scratch = new int[items];
            _sortKeys = new long[items];
            _sortItems = new int[items];
        }

        if (_premultiplied.Length < histogram.Count * 4)
        {
            _premultiplied = new int[histogram.Count * 4];
            _premultipliedVectors = new Vector256<double>[histogram.Count];
        }

        for (var position = 0; position < histogram.Count; position++)
        {
            var colour = histogram.ColourAt(position);
            var alpha = (int)(colour >> 24);
            _premultiplied[position * 4] = (int)(colour & 0xFF) * alpha;
            _premultiplied[(position * 4) + 1] = (int)((colour >> 8) & 0xFF) * alpha;
            _premultiplied[(position * 4) + 2] = (int)((colour >> 16) & 0xFF) * alpha;
            _premultiplied[(position * 4) + 3] = alpha * 255;
            _premultipliedVectors[position] = Vector256.Create(
                (double)_premultiplied[position * 4], _premultiplied[(position * 4) + 1], _premultiplied[(position * 4) + 2], alpha * 255);
        }
    }

    private void MeasureWhole(ReadOnlySpan<int> items)
    {
        double weight = 0;
        var sum = Vector256<double>.Zero;
        var sumSquares = Vector256<double>.Zero;
        foreach (var position in items)
        {
            Accumulate(position, ref weight, ref sum, ref sumSquares);
        }

        Store(0, 0, items.Length, weight, sum, sumSquares);
    }

    /// <summary>
    /// Splits <paramref name="box"/> at the weighted median of its widest channel into itself (left) and
    /// <paramref name="newBox"/> (right). In the order of that channel's value, ties broken by the colour (a total
    /// order, so the result does not depend on how the items lie), the left box takes the items up to the first
    /// whose running pixel count reaches half the box's (all but the last at most). A full sort per split was most
    /// of the encoder's time on dense tiles: instead, the items are bucketed by the value's high byte, one pass
    /// moves the lower and upper buckets to their sides, and only the median's bucket is sorted.
    /// </summary>
    private void Split(Span<int> allItems, int box, int newBox)
    {
        int start = _start[box], end = _end[box], channel = _channel[box];
        var n = end - start;
        var items = allItems.Slice(start, n);
        var keys = _keys.AsSpan(0, n);
        Span<long> bucketWeight = stackalloc long[256]; // Zeroed: the project does not skip locals' initialisation.
        Span<int> bucketItems = stackalloc int[256];
        long total = 0;
        for (var i = 0; i < n; i++)
        {
            var key = _premultiplied[(items[i] * 4) + channel]; // 0..65025: its high byte is the bucket
            keys[i] = key;
            long count = _histogram.CountAt(items[i]);
            bucketWeight[key >> 8] += count;
            bucketItems[key >> 8]++;
            total += count;
        }

        // The bucket in which the running count first reaches half (it holds at least one item).
        long before = 0;
        int median = 0, below = 0;
        while ((before + bucketWeight[median]) * 2 < total)
        {
            before += bucketWeight[median];
            below += bucketItems[median++];
        }

        var inMedian = bucketItems[median];
        var above = n - below - inMedian;
        var scratch = _scratch.AsSpan(0, n);
        var order = _sortKeys.AsSpan(0, inMedian);
        var orderItems = _sortItems.AsSpan(0, inMedian);
        int left = 0, right = n - above, m = 0;
        double leftWeight = 0;
        Vector256<double> leftSum = Vector256<double>.Zero, leftSquares = Vector256<double>.Zero;
        for (var i = 0; i < n; i++)
        {
            var bucket = keys[i] >> 8;
            var position = items[i];
            if (bucket < median)
            {
                scratch[left++] = position;
                Accumulate(position, ref leftWeight, ref leftSum, ref leftSquares);
            }
            else if (bucket > median)
            {
                scratch[right++] = position;
            }
            else
            {
                order[m] = ((long)keys[i] << 32) | _histogram.ColourAt(position);
                orderItems[m++] = position;
            }
        }

        order.Sort(orderItems);
        var taken = 0;
        var running = before;
        while (taken < inMedian - 1 && (running + _histogram.CountAt(orderItems[taken])) * 2 < total)
        {
            running += _histogram.CountAt(orderItems[taken++]);
        }

        var split = Math.Min(below + taken + 1, n - 1);
        for (var k = 0; k < split - below; k++)
        {
            scratch[below + k] = orderItems[k];
            Accumulate(orderItems[k], ref leftWeight, ref leftSum, ref leftSquares);
        }

        orderItems[(split - below)..].CopyTo(scratch[split..]);
        scratch.CopyTo(items);
        double weight = _weight[box];
        Vector256<double> sum = _sum[box], sumSquares = _sumSquares[box];
        Store(box, start, start + split, leftWeight, leftSum, leftSquares);
        Store(newBox, start + split, end, weight - leftWeight, sum - leftSum, sumSquares - leftSquares);
    }

    private void Accumulate(int position, ref double weight, ref Vector256<double> sum, ref Vector256<double> sumSquares)
    {
        double count = _histogram.CountAt(position);
        var value = _premultipliedVectors[position];
        weight += count;
        sum += value * count;
        sumSquares += value * count * value;
    }

    /// <summary>Records a box and derives its error (the per-channel weighted variances) and widest channel.</summary>
    private void Store(int box, int start, int end, double weight, Vector256<double> sum, Vector256<double> sumSquares)
    {
        _start[box] = start;
        _end[box] = end;
        _weight[box] = weight;
        _sum[box] = sum;
        _sumSquares[box] = sumSquares;
        var errors = weight > 0 ? sumSquares - (sum * sum / weight) : Vector256<double>.Zero;
        var bestChannel = 0;
        for (var channel = 1; channel < 4; channel++)
        {
            if (errors[channel] > errors[bestChannel])
            {
                bestChannel = channel;
            }
        }

        _channel[box] = bestChannel;
        _error[box] = Vector256.Sum(errors);
    }
}
