namespace TileServer.Mvt.Geometry;

/// <summary>
/// Ramer–Douglas–Peucker simplification in double precision, iterative (explicit stack) so long
/// lines cannot overflow the call stack, with scratch arrays reused across calls.
/// </summary>
internal sealed class DouglasPeucker
{
    private bool[] _keep = new bool[64];
    private int[] _stack = new int[128];

    /// <summary>
    /// Appends the simplified points to <paramref name="output"/>. For a closed ring the first point doubles as
    /// the virtual last point (index n), so the ring is simplified as the closed path p0..p(n-1),p0 and the
    /// closing point is not emitted.
    /// </summary>
    public void Simplify(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, bool closed, double tolerance, PointBuffer<double> output)
    {
        int pointCount = xs.Length;
        int last = closed ? pointCount : pointCount - 1;
        if (pointCount < 3)
        {
            for (int i = 0; i < pointCount; i++)
            {
                output.Add(xs[i], ys[i]);
            }

            return;
        }

        EnsureCapacity(last + 1);
        Array.Clear(_keep, 0, last + 1);
        _keep[0] = true;
        _keep[last] = true;
        double toleranceSquared = tolerance * tolerance;

        int stackSize = 0;
        Push(ref stackSize, 0, last);
        while (stackSize > 0)
        {
            int end = _stack[--stackSize];
            int start = _stack[--stackSize];
            int startIndex = start == pointCount ? 0 : start;
            int endIndex = end == pointCount ? 0 : end;
            double maxDistance = -1;
            int farthest = -1;
            for (int i = start + 1; i < end; i++)
            {
                double distance = SegmentDistanceSquared(xs[i], ys[i], xs[startIndex], ys[startIndex], xs[endIndex], ys[endIndex]);
                if (distance > maxDistance)
                {
                    maxDistance = distance;
                    farthest = i;
                }
            }

            if (farthest >= 0 && maxDistance > toleranceSquared)
            {
                _keep[farthest] = true;
                Push(ref stackSize, start, farthest);
                Push(ref stackSize, farthest, end);
            }
        }

        for (int i = 0; i < pointCount; i++)
        {
            if (_keep[i])
            {
                output.Add(xs[i], ys[i]);
            }
        }
    }

    /// <summary>Squared distance from p to segment ab (to the point a when the segment is degenerate).</summary>
    private static double SegmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = (dx * dx) + (dy * dy);
        if (lengthSquared > 0)
        {
            double t = (((px - ax) * dx) + ((py - ay) * dy)) / lengthSquared;
            t = Math.Clamp(t, 0, 1);
            ax += t * dx;
            ay += t * dy;
        }

        double ex = px - ax;
        double ey = py - ay;
        return (ex * ex) + (ey * ey);
    }

    private void Push(ref int stackSize, int start, int end)
    {
        if (stackSize + 2 > _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        _stack[stackSize++] = start;
        _stack[stackSize++] = end;
    }

    private void EnsureCapacity(int count)
    {
        if (_keep.Length < count)
        {
            _keep = new bool[Math.Max(count, _keep.Length * 2)];
        }
    }
}
