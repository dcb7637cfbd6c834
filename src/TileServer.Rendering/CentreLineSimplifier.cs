namespace TileServer.Rendering;

/// <summary>
/// Drops the vertices of a stroke's centre line that lie within <see cref="Tolerance"/> of the simplified line
/// (Douglas and Peucker, "Algorithms for the reduction of the number of points required to represent a digitized
/// line or its caricature", 1973), before the line is dashed and outlined.
/// <para>
/// A parcel boundary read at a low zoom has several vertices per pixel (the 平泉 control-line tile at z12: 59,598
/// vertices on 1,724 rings), and every vertex costs the stroker a join and the rasterizer two or three outline
/// edges. Within 0.05 px, the stroker's own tolerance for round joins, two thirds of them go. Fills are not
/// simplified: neighbouring parcels must keep exactly the same shared edges, or the background shows between them.
/// </para>
/// </summary>
internal sealed class CentreLineSimplifier
{
    /// <summary>The largest distance, in pixels, of a dropped vertex from the simplified line: the largest distance
    /// the stroker allows between a round join and its polygon (<see cref="Stroker"/>).</summary>
    public const double Tolerance = 0.05;

    private bool[] _keep = new bool[256];
    private int[] _pending = new int[512];

    /// <summary>Writes the simplified subpaths of <paramref name="source"/> into <paramref name="target"/>; returns
    /// false, writing nothing, when no vertex can go (the caller then strokes the source).</summary>
    public bool Simplify(VectorPath source, VectorPath target)
    {
        var xs = source.Xs;
        var ys = source.Ys;
        var count = xs.Length;
        if (count < 3)
        {
            return false;
        }

        if (_keep.Length < count)
        {
            _keep = new bool[count];
            _pending = new int[2 * count];
        }

        var keep = _keep.AsSpan(0, count);
        keep.Clear();
        for (var s = 0; s < source.SubpathCount; s++)
        {
            var first = source.SubpathStart(s);
            var last = first + source.SubpathLength(s) - 1;
            keep[first] = keep[last] = true;
            if (!source.IsClosed(s))
            {
                MarkKept(xs, ys, first, last, keep);
                continue;
            }

            // A ring's first and last points may coincide, and a chord from a point to itself says nothing about
            // the shape: the ring is cut at its vertex farthest from the first into two lines.
            var far = FarthestFrom(xs, ys, first, last);
            keep[far] = true;
            MarkKept(xs, ys, first, far, keep);
            MarkKept(xs, ys, far, last, keep);
        }

        if (!keep.Contains(false))
        {
            return false;
        }

        target.Reset();
        for (var s = 0; s < source.SubpathCount; s++)
        {
            var first = source.SubpathStart(s);
            var end = first + source.SubpathLength(s);
            target.MoveTo(xs[first], ys[first]);
            for (var i = first + 1; i < end; i++)
            {
                if (keep[i])
                {
                    target.LineTo(xs[i], ys[i]);
                }
            }

            if (source.IsClosed(s))
            {
                target.Close();
            }
        }

        return true;
    }

    /// <summary>Douglas–Peucker between two kept vertices, without recursion: the vertex farthest from the chord is
    /// kept when it lies beyond the tolerance (or its distance is NaN), and both halves are examined in turn.</summary>
    /// <remarks>Distances are compared scaled by the chord's squared length, which is the same for every vertex of
    /// one chord: a vertex projecting inside the chord then costs a cross product instead of a division.</remarks>
    private void MarkKept(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int first, int last, Span<bool> keep)
    {
        const double toleranceSquared = Tolerance * Tolerance;
        var pending = _pending;
        var top = 0;
        pending[top++] = first;
        pending[top++] = last;
        while (top > 0)
        {
            var j = pending[--top];
            var i = pending[--top];
            if (j - i < 2)
            {
                continue;
            }

            double ax = xs[i], ay = ys[i];
            var dx = xs[j] - ax;
            var dy = ys[j] - ay;
            var lengthSquared = (dx * dx) + (dy * dy);
            var farthest = -1;
            var farthestScaled = -1.0;
            for (var k = i + 1; k < j; k++)
            {
                var px = xs[k] - ax;
                var py = ys[k] - ay;
                var along = (px * dx) + (py * dy);
                double scaled; // Squared distance to the chord (a segment) times lengthSquared.
                if (along <= 0)
                {
                    scaled = ((px * px) + (py * py)) * lengthSquared;
                }
                else if (along >= lengthSquared)
                {
                    var qx = px - dx;
                    var qy = py - dy;
                    scaled = ((qx * qx) + (qy * qy)) * lengthSquared;
                }
                else
                {
                    var cross = (px * dy) - (py * dx);
                    scaled = cross * cross;
                }

                if (scaled > farthestScaled || double.IsNaN(scaled)) // NaN: kept, as a distance it cannot be compared.
                {
                    farthest = k;
                    farthestScaled = scaled;
                }
            }

            // A chord of length 0 (a ring's first and last point) scales everything to 0: its vertices are measured
            // unscaled instead, from the point itself.
            var beyond = lengthSquared > 0
                ? !(farthestScaled <= toleranceSquared * lengthSquared)
                : MaxSquaredDistanceFrom(xs, ys, i, j, out farthest) > toleranceSquared;
            if (beyond)
            {
                keep[farthest] = true;
                pending[top++] = i;
                pending[top++] = farthest;
                pending[top++] = farthest;
                pending[top++] = j;
            }
        }
    }

    /// <summary>The largest squared distance of vertices first + 1 … last − 1 from vertex first (NaN counts as largest).</summary>
    private static double MaxSquaredDistanceFrom(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int first, int last, out int farthest)
    {
        farthest = first + 1;
        var largest = -1.0;
        for (var k = first + 1; k < last; k++)
        {
            var dx = xs[k] - xs[first];
            var dy = ys[k] - ys[first];
            var distance = (dx * dx) + (dy * dy);
            if (distance > largest || double.IsNaN(distance))
            {
                farthest = k;
                largest = distance;
            }
        }

        return double.IsNaN(largest) ? double.PositiveInfinity : largest;
    }

    private static int FarthestFrom(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, int first, int last)
    {
        var farthest = last;
        var farthestDistance = -1.0;
        for (var k = first + 1; k <= last; k++)
        {
            var dx = xs[k] - xs[first];
            var dy = ys[k] - ys[first];
            var distance = (dx * dx) + (dy * dy);
            if (distance > farthestDistance)
            {
                farthest = k;
                farthestDistance = distance;
            }
        }

        return farthest;
    }
}
