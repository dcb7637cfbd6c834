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
    public void CompositeOnto(byte[] pixels)
    {
        for (var y = _minY; y <= _maxY; y++)
        {
            for (var x = _minX; x <= _maxX; x++)
            {
                var index = (y * _width) + x;
                var coverage = _coverage[index];
                if (coverage <= 0f)
                {
                    continue;
                }

                var normalise = coverage > 1f ? 1f / coverage : 1f;
                var accumulated = _premultiplied.AsSpan(index * 4, 4);
                var dst = pixels.AsSpan(index * 4, 4);
                var src = Vector128.Create<float>(accumulated) * normalise;
                var keep = 1f - (src.GetElement(3) / 255f);
                var below = Vector128.Create((float)dst[0], dst[1], dst[2], dst[3]);
                var result = Vector128.ConvertToInt32(Vector128.Min((src + (below * keep)) + Vector128.Create(0.5f), Vector128.Create(255f)));
                dst[0] = (byte)result.GetElement(0);
                dst[1] = (byte)result.GetElement(1);
                dst[2] = (byte)result.GetElement(2);
                dst[3] = (byte)result.GetElement(3);
                accumulated.Clear();
                _coverage[index] = 0f;
            }
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
