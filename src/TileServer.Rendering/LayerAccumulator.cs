using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// so neither the destination nor the division for its weight is needed (the general formula would
    /// multiply the destination by exactly 0); the accumulators of the row are cleared at once afterwards.
    /// Results are stored as one 32-bit word in channel order.</remarks>
    public void CompositeOnto(byte[] pixels)
    {
        ref var accumulated = ref MemoryMarshal.GetArrayDataReference(_premultiplied);
        ref var destination = ref MemoryMarshal.GetArrayDataReference(pixels);
        var half = Vector128.Create(0.5f);
        var max = Vector128.Create(255f);
        // A translucent polygon's interior repeats one accumulated value over one destination value (often for
        // the whole row): such a pixel takes the previous pixel's result without the blend. Opaque pixels need no
        // blend, and comparing them cost more than it saved on dense landuse tiles.
        var lastCoverage = -1f;
        var lastAccumulated = Vector128<float>.Zero;
        var lastOpaque = false;
        uint lastBelow = 0, lastResult = 0;
        for (var y = _minY; y <= _maxY; y++)
        {
            var rowStart = (y * _width) + _minX;
            var count = _maxX - _minX + 1;
            var coverages = _coverage.AsSpan(rowStart, count);
            for (var i = 0; i < coverages.Length; i++)
            {
                var coverage = coverages[i];
                if (coverage <= 0f)
                {
                    continue;
                }

                var index = (nuint)(rowStart + i) * 4;
                var src = Vector128.LoadUnsafe(ref accumulated, index);
                ref var below = ref Unsafe.Add(ref destination, index);
                if (!lastOpaque && coverage == lastCoverage && src == lastAccumulated && Unsafe.ReadUnaligned<uint>(ref below) == lastBelow)
                {
                    Unsafe.WriteUnaligned(ref below, lastResult);
                    continue;
                }

                var accumulatedHere = src;
                if (coverage > 1f)
                {
                    src *= 1f / coverage;
                }

                var alpha = src.GetElement(3);
                lastOpaque = alpha == 255f;
                if (lastOpaque)
                {
                    Unsafe.WriteUnaligned(ref below, Packed(src, half, max));
                    continue;
                }

                var belowWord = Unsafe.ReadUnaligned<uint>(ref below);
                var keep = 1f - (alpha / 255f);
                src += Vector128.Create((float)below, Unsafe.Add(ref below, 1), Unsafe.Add(ref below, 2), Unsafe.Add(ref below, 3)) * keep;
                lastCoverage = coverage;
                lastAccumulated = accumulatedHere;
                lastBelow = belowWord;
                lastResult = Packed(src, half, max);
                Unsafe.WriteUnaligned(ref below, lastResult);
            }

            coverages.Clear();
            _premultiplied.AsSpan(rowStart * 4, count * 4).Clear();
        }

        _minX = _minY = int.MaxValue;
        _maxX = _maxY = -1;
    }

    /// <summary>Premultiplied channels in 0..255 rounded and packed in channel order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Packed(Vector128<float> premultiplied, Vector128<float> half, Vector128<float> max)
    {
        var channels = Vector128.ConvertToInt32(Vector128.Min(premultiplied + half, max)); // 0..255 each
        return Vector128.Narrow(Vector128.Narrow(channels, channels), Vector128<short>.Zero).AsUInt32().ToScalar();
    }

    /// <summary>Adds one row of coverage for a paint whose premultiplied colour is (r, g, b, a) in 0..255.</summary>
    /// <remarks>Every pixel of the row is added, without a test: a pixel of coverage 0 adds exactly +0 and stays
    /// as it was (and is skipped when compositing). The sweep hands over rows whose ends are covered, so the
    /// bounds grow by the row's ends.</remarks>
    internal void AddRow(int y, int x0, ReadOnlySpan<float> coverage, float r, float g, float b, float a)
    {
        if (coverage.IsEmpty)
        {
            return;
        }

        var rowIndex = (y * _width) + x0;
        var colour = Vector128.Create(r, g, b, a);
        var coverages = _coverage.AsSpan(rowIndex, coverage.Length); // Checks the row once: indices below are in it.
        ref var accumulated = ref MemoryMarshal.GetArrayDataReference(_premultiplied);
        for (var i = 0; i < coverage.Length; i++)
        {
            var c = coverage[i];
            var index = (nuint)(rowIndex + i) * 4;
            (Vector128.LoadUnsafe(ref accumulated, index) + (colour * c)).StoreUnsafe(ref accumulated, index);
            coverages[i] += c;
        }

        _minX = Math.Min(_minX, x0);
        _maxX = Math.Max(_maxX, x0 + coverage.Length - 1);
        _minY = Math.Min(_minY, y);
        _maxY = Math.Max(_maxY, y);
    }
}
