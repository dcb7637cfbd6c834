using System.Runtime.CompilerServices;

namespace TileServer.Rendering;

/// <summary>
/// One subpath as the <see cref="Stroker"/> walks it: its finite vertices without repeats, and each segment's unit
/// direction and length, computed once. A closed ring is walked twice (its two offset sides, the second backwards),
/// and walking backwards reuses the segments negated: b − a is exactly −(a − b), so both sides see the same values
/// as if each had computed its own.
/// </summary>
internal sealed class StrokeVertices
{
    private double[] _xs = new double[64];
    private double[] _ys = new double[64];
    private double[] _ux = new double[64];
    private double[] _uy = new double[64];
    private double[] _lengths = new double[64];

    /// <summary>Vertices loaded.</summary>
    public int Count { get; private set; }

    public ReadOnlySpan<double> Xs => _xs.AsSpan(0, Count);

    public ReadOnlySpan<double> Ys => _ys.AsSpan(0, Count);

    /// <summary>Loads subpath <paramref name="subpath"/> of <paramref name="source"/>: non-finite points and repeats dropped,
    /// and on a closed subpath an explicit closing point too. Segments are derived for a ring when
    /// <paramref name="closed"/> (the last one back to the first vertex), else for the open polyline.</summary>
    public void Load(VectorPath source, int subpath, bool closed)
    {
        var start = source.SubpathStart(subpath);
        var length = source.SubpathLength(subpath);
        if (_xs.Length < length)
        {
            _xs = new double[length * 2];
            _ys = new double[length * 2];
            _ux = new double[length * 2];
            _uy = new double[length * 2];
            _lengths = new double[length * 2];
        }

        var count = 0;
        for (var i = 0; i < length; i++)
        {
            double x = source.Xs[start + i], y = source.Ys[start + i];
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                continue;
            }

            if (count > 0 && x == _xs[count - 1] && y == _ys[count - 1])
            {
                continue;
            }

            _xs[count] = x;
            _ys[count] = y;
            count++;
        }

        if (source.IsClosed(subpath) && count > 1 && _xs[0] == _xs[count - 1] && _ys[0] == _ys[count - 1])
        {
            count--; // An explicit closing point duplicates the implicit closing segment.
        }

        Count = count;
        var segments = closed ? count : count - 1;
        for (var i = 0; i < segments; i++)
        {
            var next = i + 1 == count ? 0 : i + 1;
            var dx = _xs[next] - _xs[i];
            var dy = _ys[next] - _ys[i];
            var segmentLength = Math.Sqrt((dx * dx) + (dy * dy));
            _ux[i] = dx / segmentLength;
            _uy[i] = dy / segmentLength;
            _lengths[i] = segmentLength;
        }
    }

    /// <summary>Vertex <paramref name="i"/> of the walk (counted from the last vertex when walking backwards).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double X(bool reverse, int i) => _xs[reverse ? Count - 1 - i : i];

    /// <inheritdoc cref="X"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Y(bool reverse, int i) => _ys[reverse ? Count - 1 - i : i];

    /// <summary>Unit direction and length of the walk's segment from its vertex <paramref name="i"/> to the next.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (double Dx, double Dy, double Length) Segment(bool reverse, int i)
    {
        if (!reverse)
        {
            return (_ux[i], _uy[i], _lengths[i]);
        }

        // Backwards, walk vertex i is vertex Count − 1 − i and the next is Count − 2 − i: that segment reversed.
        var j = Count - 2 - i;
        j = j < 0 ? j + Count : j;
        return (-_ux[j], -_uy[j], _lengths[j]);
    }
}
