using System.Runtime.Intrinsics;

namespace TileServer.Rendering;

/// <summary>
/// Conflation-free compositing for a layer of adjacent parcels.
/// <para>
/// Source-over applied polygon by polygon lets the background leak through shared edges: two coverages a
/// and 1 − a composite to alpha a + (1 − a)(1 − a) &lt; 1 (the "conflation artefact"). Instead, every draw
/// inside a layer <em>adds</em> its coverage-weighted premultiplied colour and its raw coverage to float
/// accumulators. Exact-area coverages of polygons that partition a pixel sum to 1, so the pixel receives
/// exactly the area-weighted mix of their colours at full strength. Where draws overlap (coverage sum &gt; 1)
/// the sum is normalised by the coverage, i.e. overlapping paints are averaged — order independent and
/// never brighter than the paints. <see cref="CompositeOnto"/> then applies source-over once per pixel.
/// </para>
/// </summary>
internal sealed class LayerAccumulator
{
    private readonly int _width;
    private readonly float[] _premultiplied;
    private readonly float[] _coverage;
    private int _minX = int.MaxValue;
    private int _maxX = -1;
    private int _minY = int.MaxValue;
    private int _maxY = -1;

    public LayerAccumulator(int width, int height)
    {
        _width = width;
        _premultiplied = new float[width * height * 4];
        _coverage = new float[width * height];
    }

    /// <summary>Source-over of the accumulated layer onto <paramref name="pixels"/>, then clears the layer.</summary>
    /// <remarks>Row by row: a pixel whose layer alpha is exactly 255 (a parcel interior) hides what is below,
    /// so the destination is not read (the general formula would multiply it by 0); the accumulators of the
    /// row are cleared at once afterwards.</remarks>
    public void CompositeOnto(byte[] pixels)
    {
        var bytes = pixels.AsSpan();
        var half = Vector128.Create(0.5f);
        var max = Vector128.Create(255f);
        for (var y = _minY; y <= _maxY; y++)
        {
            var rowStart = (y * _width) + _minX;
            var count = _maxX - _minX + 1;
            var coverages = _coverage.AsSpan(rowStart, count);
            var accumulated = _premultiplied.AsSpan(rowStart * 4, count * 4);
            for (var i = 0; i < coverages.Length; i++)
            {
                var coverage = coverages[i];
                if (coverage <= 0f)
                {
                    continue;
                }

                var normalise = coverage > 1f ? 1f / coverage : 1f;
                var src = Vector128.Create<float>(accumulated.Slice(i * 4, 4)) * normalise;
                var keep = 1f - (src.GetElement(3) / 255f);
                if (keep != 0f)
                {
                    var below = bytes.Slice((rowStart + i) * 4, 4);
                    src += Vector128.Create((float)below[0], below[1], below[2], below[3]) * keep;
                }

                var result = Vector128.ConvertToInt32(Vector128.Min(src + half, max));
                var pixel = bytes.Slice((rowStart + i) * 4, 4);
                pixel[3] = (byte)result.GetElement(3);
                pixel[2] = (byte)result.GetElement(2);
                pixel[1] = (byte)result.GetElement(1);
                pixel[0] = (byte)result.GetElement(0);
            }

            coverages.Clear();
            accumulated.Clear();
        }

        _minX = _minY = int.MaxValue;
        _maxX = _maxY = -1;
    }

    /// <summary>Adds one row of coverage for a paint whose premultiplied colour is (r, g, b, a) in 0..255.</summary>
    internal void AddRow(int y, int x0, ReadOnlySpan<float> coverage, float r, float g, float b, float a)
    {
        var first = -1;
        var last = -1;
        var rowIndex = (y * _width) + x0;
        var colour = Vector128.Create(r, g, b, a);
        for (var i = 0; i < coverage.Length; i++)
        {
            var c = coverage[i];
            if (c <= 0f)
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
            }

            last = i;
            var accumulated = _premultiplied.AsSpan((rowIndex + i) * 4, 4);
            (Vector128.Create<float>(accumulated) + (colour * c)).CopyTo(accumulated);
            _coverage[rowIndex + i] += c;
        }

        if (first >= 0)
        {
            _minX = Math.Min(_minX, x0 + first);
            _maxX = Math.Max(_maxX, x0 + last);
            _minY = Math.Min(_minY, y);
            _maxY = Math.Max(_maxY, y);
        }
    }
}
