namespace TileServer.Rendering;

/// <summary>
/// Drops the parts of a path that a solid stroke cannot carry onto the canvas. A segment whose two ends lie
/// beyond the same side of the canvas grown by a margin (at least the stroke's reach: half the width times
/// the miter limit) contributes nothing, and neither does a join between two such segments. Those segments
/// are removed and the remaining runs become open subpaths. Their new ends get caps instead of joins, but an
/// end only appears at a vertex beyond the margin, where the cap cannot reach the canvas either.
/// <para>
/// This matters for control lines: a tile inside a 4,000-vertex 生态保护红线 polygon would otherwise stroke
/// the whole outline to draw nothing.
/// </para>
/// </summary>
internal static class StrokeCuller
{
    /// <summary>Writes into <paramref name="target"/> the runs of <paramref name="source"/> near the box;
    /// returns false (and writes nothing) when every segment is kept, so the caller can stroke the source.</summary>
    public static bool Cull(VectorPath source, double minX, double minY, double maxX, double maxY, VectorPath target)
    {
        var xs = source.Xs;
        var ys = source.Ys;
        if (!AnyOutside(xs, ys, minX, minY, maxX, maxY))
        {
            return false;
        }

        target.Reset();
        for (var s = 0; s < source.SubpathCount; s++)
        {
            var start = source.SubpathStart(s);
            var length = source.SubpathLength(s);
            var closed = source.IsClosed(s);
            var segments = closed ? length : length - 1;
            if (segments <= 0)
            {
                continue;
            }

            // On a ring, begin right after a dropped segment so that no visible run is cut at the ring's start.
            var first = 0;
            if (closed)
            {
                first = -1;
                for (var k = 0; k < segments; k++)
                {
                    if (IsOutside(xs, ys, start, length, k, minX, minY, maxX, maxY))
                    {
                        first = (k + 1) % segments;
                        break;
                    }
                }

                if (first < 0)
                {
                    CopyRing(xs, ys, start, length, target);
                    continue;
                }
            }

            var running = false;
            for (var step = 0; step < segments; step++)
            {
                var k = (first + step) % segments;
                if (IsOutside(xs, ys, start, length, k, minX, minY, maxX, maxY))
                {
                    running = false;
                    continue;
                }

                var a = start + k;
                var b = start + ((k + 1) % length);
                if (!running)
                {
                    target.MoveTo(xs[a], ys[a]);
                    running = true;
                }

                target.LineTo(xs[b], ys[b]);
            }
        }

        return true;
    }

    private static bool AnyOutside(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double minX, double minY, double maxX, double maxY)
    {
        for (var i = 0; i < xs.Length; i++)
        {
            if (xs[i] < minX || xs[i] > maxX || ys[i] < minY || ys[i] > maxY)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Segment k (vertex k to k + 1, wrapping on rings) lies wholly beyond one side of the box.</summary>
    private static bool IsOutside(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int start, int length, int k, double minX, double minY, double maxX, double maxY)
    {
        var a = start + k;
        var b = start + ((k + 1) % length);
        return (xs[a] < minX && xs[b] < minX) || (xs[a] > maxX && xs[b] > maxX)
            || (ys[a] < minY && ys[b] < minY) || (ys[a] > maxY && ys[b] > maxY);
    }

    private static void CopyRing(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int start, int length, VectorPath target)
    {
        target.MoveTo(xs[start], ys[start]);
        for (var i = 1; i < length; i++)
        {
            target.LineTo(xs[start + i], ys[start + i]);
        }

        target.Close();
    }
}
