namespace TileServer.Rendering;

/// <summary>
/// Recognises the rings whose stroke needs no inner side: simple rings no wider than the stroke in x or y
/// (sub-pixel parcels at low zoom, slivers). See <see cref="Stroker"/>.
/// </summary>
internal static class NarrowRing
{
    /// <summary>Largest ring checked for simplicity (the check is quadratic); larger rings keep both sides.</summary>
    private const int MaxCheckedRingVertices = 24;

    /// <summary>Twice the signed (shoelace) area of the loaded ring when its bounding box is at most
    /// <paramref name="width"/> across in x or y; 0 otherwise, or when the area is 0.</summary>
    public static double TwiceArea(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double width)
    {
        double minX = xs[0], maxX = minX, minY = ys[0], maxY = minY;
        var twiceArea = 0.0;
        for (var i = 0; i < xs.Length; i++)
        {
            var next = i + 1 == xs.Length ? 0 : i + 1;
            minX = Math.Min(minX, xs[i]);
            maxX = Math.Max(maxX, xs[i]);
            minY = Math.Min(minY, ys[i]);
            maxY = Math.Max(maxY, ys[i]);
            twiceArea += (xs[i] * ys[next]) - (xs[next] * ys[i]);
        }

        return Math.Min(maxX - minX, maxY - minY) <= width && IsSimpleSmallRing(xs, ys) ? twiceArea : 0;
    }

    /// <summary>True for a ring of at most <see cref="MaxCheckedRingVertices"/> vertices whose non-adjacent edges
    /// do not meet: a figure-eight has lobes of both orientations, and one outer side would not fit both.</summary>
    internal static bool IsSimpleSmallRing(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        if (IsConvex(xs, ys))
        {
            return true;
        }

        if (xs.Length > MaxCheckedRingVertices)
        {
            return false;
        }

        for (var i = 0; i < xs.Length; i++)
        {
            var i1 = i + 1 == xs.Length ? 0 : i + 1;
            for (var j = i + 2; j < xs.Length; j++)
            {
                var j1 = j + 1 == xs.Length ? 0 : j + 1;
                if (j1 == i)
                {
                    continue; // The closing edge is adjacent to the first.
                }

                if (SegmentsMeet(xs[i], ys[i], xs[i1], ys[i1], xs[j], ys[j], xs[j1], ys[j1]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A sufficient test in one pass: every turn has the same sign (no straight or reversing vertex) and the
    /// x-direction changes sign at most twice around the ring. Turning always the same way makes the total turn
    /// a whole number of revolutions, and each revolution changes the x-direction twice, so this ring turns
    /// once: a convex polygon, which is simple.
    /// </summary>
    private static bool IsConvex(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var n = xs.Length;
        var turnSign = 0;
        var directionChanges = 0;
        var lastDirection = 0;
        for (var i = 0; i < n; i++)
        {
            int a = i, b = i + 1 == n ? 0 : i + 1, c = b + 1 == n ? 0 : b + 1;
            var cross = Orientation(xs[a], ys[a], xs[b], ys[b], xs[c], ys[c]);
            var sign = cross > 0 ? 1 : cross < 0 ? -1 : 0;
            if (sign == 0 || (turnSign != 0 && sign != turnSign))
            {
                return false;
            }

            turnSign = sign;
            var dx = xs[b] - xs[a];
            var direction = dx > 0 ? 1 : dx < 0 ? -1 : 0;
            if (direction != 0)
            {
                if (lastDirection != 0 && direction != lastDirection)
                {
                    directionChanges++;
                }

                lastDirection = direction;
            }
        }

        // The count above misses the change between the last and the first non-zero direction, if any.
        for (var i = 0; i < n; i++)
        {
            var dx = xs[i + 1 == n ? 0 : i + 1] - xs[i];
            if (dx != 0)
            {
                directionChanges += (dx > 0 ? 1 : -1) != lastDirection ? 1 : 0;
                break;
            }
        }

        return directionChanges <= 2;
    }

    /// <summary>Closed-segment intersection by orientation signs (touching counts as meeting).</summary>
    private static bool SegmentsMeet(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        // MinNative/MaxNative: the stroker drops non-finite points before this runs, so IEEE NaN handling is moot.
        if ((double.MaxNative(ax, bx) < double.MinNative(cx, dx)) | (double.MaxNative(cx, dx) < double.MinNative(ax, bx))
            | (double.MaxNative(ay, by) < double.MinNative(cy, dy)) | (double.MaxNative(cy, dy) < double.MinNative(ay, by)))
        {
            return false;
        }

        var d1 = Orientation(ax, ay, bx, by, cx, cy);
        var d2 = Orientation(ax, ay, bx, by, dx, dy);
        var d3 = Orientation(cx, cy, dx, dy, ax, ay);
        var d4 = Orientation(cx, cy, dx, dy, bx, by);
        return (d1 * d2) <= 0 && (d3 * d4) <= 0;
    }

    private static double Orientation(double ax, double ay, double bx, double by, double px, double py) =>
        ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));
}
