using System.Runtime.CompilerServices;

namespace TileServer.Rendering;

/// <summary>
/// A mutable list of polyline subpaths in device pixels (origin top-left, y down), e.g. the rings of a
/// polygon with holes. Fills treat every subpath as closed; strokes honour <see cref="Close"/>.
/// Designed for reuse: <see cref="Reset"/> keeps the grown buffers, so steady-state rendering does not allocate.
/// </summary>
public sealed class VectorPath
{
    private double[] _xs = new double[64];
    private double[] _ys = new double[64];
    private int[] _subpathStarts = new int[8];
    private bool[] _subpathClosed = new bool[8];
    private int _pointCount;
    private int _subpathCount;
    private bool _open;

    /// <summary>Total number of points over all subpaths.</summary>
    public int PointCount => _pointCount;

    /// <summary>Number of subpaths started with <see cref="MoveTo"/> (or an implicit one).</summary>
    public int SubpathCount => _subpathCount;

    /// <summary>Removes all subpaths but keeps the allocated capacity.</summary>
    public void Reset()
    {
        _pointCount = 0;
        _subpathCount = 0;
        _open = false;
    }

    /// <summary>Starts a new subpath at (x, y).</summary>
    public void MoveTo(double x, double y)
    {
        if (_subpathCount == _subpathStarts.Length)
        {
            Array.Resize(ref _subpathStarts, _subpathCount * 2);
            Array.Resize(ref _subpathClosed, _subpathCount * 2);
        }

        _subpathStarts[_subpathCount] = _pointCount;
        _subpathClosed[_subpathCount] = false;
        _subpathCount++;
        _open = true;
        AppendPoint(x, y);
    }

    /// <summary>Adds a straight segment to (x, y); without an open subpath this acts as <see cref="MoveTo"/>.</summary>
    public void LineTo(double x, double y)
    {
        if (!_open)
        {
            MoveTo(x, y);
            return;
        }

        AppendPoint(x, y);
    }

    /// <summary>Adds a straight segment to (x, y) unless (x, y) is the current point, which would add a
    /// zero-length segment; without an open subpath this acts as <see cref="MoveTo"/>.</summary>
    /// <remarks>The point is written either way and counted only when it differs from the previous one: a
    /// reader that snaps vertices to a grid drops many repeats in no pattern a branch predictor could learn.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void LineToIfMoved(double x, double y)
    {
        if (!_open)
        {
            MoveTo(x, y);
            return;
        }

        if (_pointCount == _xs.Length)
        {
            GrowPoints();
        }

        var xs = _xs;
        var ys = _ys;
        var at = _pointCount;
        var moved = (xs[at - 1] != x) | (ys[at - 1] != y);
        xs[at] = x;
        ys[at] = y;
        _pointCount = at + (moved ? 1 : 0);
    }

    /// <summary>Closes the current subpath (a stroke then joins its last point back to its first).</summary>
    public void Close()
    {
        if (_open)
        {
            _subpathClosed[_subpathCount - 1] = true;
            _open = false;
        }
    }

    /// <summary>Adds a closed ring from interleaved x,y coordinates.</summary>
    public void AddRing(ReadOnlySpan<double> interleavedXy)
    {
        if (interleavedXy.Length < 2)
        {
            return;
        }

        MoveTo(interleavedXy[0], interleavedXy[1]);
        for (var i = 2; i + 1 < interleavedXy.Length; i += 2)
        {
            LineTo(interleavedXy[i], interleavedXy[i + 1]);
        }

        Close();
    }

    /// <summary>Adds an axis-aligned closed rectangle (clockwise on screen).</summary>
    public void AddRectangle(double x, double y, double width, double height)
    {
        MoveTo(x, y);
        LineTo(x + width, y);
        LineTo(x + width, y + height);
        LineTo(x, y + height);
        Close();
    }

    /// <summary>The <paramref name="index"/>-th point added, in device pixels.</summary>
    public (double X, double Y) PointAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_pointCount, nameof(index));
        return (_xs[index], _ys[index]);
    }

    internal ReadOnlySpan<double> Xs => _xs.AsSpan(0, _pointCount);

    internal ReadOnlySpan<double> Ys => _ys.AsSpan(0, _pointCount);

    internal int SubpathStart(int subpath) => _subpathStarts[subpath];

    internal int SubpathLength(int subpath) =>
        (subpath + 1 < _subpathCount ? _subpathStarts[subpath + 1] : _pointCount) - _subpathStarts[subpath];

    internal bool IsClosed(int subpath) => _subpathClosed[subpath];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowPoints()
    {
        Array.Resize(ref _xs, _pointCount * 2);
        Array.Resize(ref _ys, _pointCount * 2);
    }

    private void AppendPoint(double x, double y)
    {
        if (_pointCount == _xs.Length)
        {
            Array.Resize(ref _xs, _pointCount * 2);
            Array.Resize(ref _ys, _pointCount * 2);
        }

        _xs[_pointCount] = x;
        _ys[_pointCount] = y;
        _pointCount++;
    }
}
