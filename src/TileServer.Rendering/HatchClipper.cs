namespace TileServer.Rendering;

/// <summary>
/// Produces the exact region "hatch lines ∩ polygon" for the rasterizer. Each hatch line is a stripe
/// between two parallel lines; every ring of the polygon is clipped against the stripe's two half-planes
/// with Sutherland–Hodgman (Sutherland &amp; Hodgman 1974). Against a convex clip region this preserves the
/// winding number of every point inside it (the extra edges run along the clip line and cancel in area),
/// so non-zero and even-odd fills of the clipped rings give the intersection — coverage is exact, not
/// the product approximation coverage(polygon) × coverage(lines).
/// </summary>
internal sealed class HatchClipper
{
    private double[] _xs = new double[64];
    private double[] _ys = new double[64];
    private double[] _tmpXs = new double[64];
    private double[] _tmpYs = new double[64];
    private double[] _outXs = new double[64];
    private double[] _outYs = new double[64];

    /// <summary>Adds the hatch-line parts of <paramref name="path"/> visible on a width × height canvas.</summary>
    public void AddHatch(VectorPath path, HatchStyle style, int width, int height, CoverageRasterizer rasterizer)
    {
        var spacing = style.Spacing;
        var halfLine = style.LineWidth / 2;
        if (!(spacing > 0) || !(halfLine > 0) || !double.IsFinite(spacing) || path.PointCount == 0)
        {
            return;
        }

        if (halfLine * 2 >= spacing)
        {
            rasterizer.AddPath(path); // Lines wider than their spacing cover everything.
            return;
        }

        var angle = style.AngleDegrees * Math.PI / 180;
        // Unit normal of the hatch lines; stripe k is { p : (p − origin)·n ∈ [k·spacing − w/2, k·spacing + w/2] }.
        double nx = -Math.Sin(angle), ny = Math.Cos(angle);
        double ox = style.OriginX, oy = style.OriginY;
        double canvasMin = double.MaxValue, canvasMax = double.MinValue;
        foreach (var (cx, cy) in (ReadOnlySpan<(double, double)>)[(0, 0), (width, 0), (0, height), (width, height)])
        {
            var projection = ((cx - ox) * nx) + ((cy - oy) * ny);
            canvasMin = Math.Min(canvasMin, projection);
            canvasMax = Math.Max(canvasMax, projection);
        }

        double pathMin = double.MaxValue, pathMax = double.MinValue;
        for (var i = 0; i < path.PointCount; i++)
        {
            var projection = ((path.Xs[i] - ox) * nx) + ((path.Ys[i] - oy) * ny);
            pathMin = Math.Min(pathMin, projection);
            pathMax = Math.Max(pathMax, projection);
        }

        var low = Math.Max(canvasMin, pathMin);
        var high = Math.Min(canvasMax, pathMax);
        if (!(low <= high))
        {
            return;
        }

        var firstStripe = (long)Math.Ceiling((low - halfLine) / spacing);
        var lastStripe = (long)Math.Floor((high + halfLine) / spacing);
        for (var k = firstStripe; k <= lastStripe; k++)
        {
            var centre = k * spacing;
            for (var s = 0; s < path.SubpathCount; s++)
            {
                var count = LoadRing(path, s);
                count = ClipHalfPlane(_xs, _ys, count, nx, ny, ox, oy, centre - halfLine, ref _tmpXs, ref _tmpYs);
                count = ClipHalfPlane(_tmpXs, _tmpYs, count, -nx, -ny, ox, oy, -(centre + halfLine), ref _outXs, ref _outYs);
                if (count >= 3)
                {
                    rasterizer.AddPolygon(_outXs.AsSpan(0, count), _outYs.AsSpan(0, count));
                }
            }
        }
    }

    private int LoadRing(VectorPath path, int subpath)
    {
        var start = path.SubpathStart(subpath);
        var length = path.SubpathLength(subpath);
        EnsureCapacity(ref _xs, ref _ys, length);
        path.Xs.Slice(start, length).CopyTo(_xs);
        path.Ys.Slice(start, length).CopyTo(_ys);
        return length;
    }

    /// <summary>Sutherland–Hodgman against { p : (p − origin)·n ≥ limit }; output is written to (outXs, outYs).</summary>
    private static int ClipHalfPlane(
        double[] xs, double[] ys, int count, double nx, double ny, double ox, double oy, double limit,
        ref double[] outXs, ref double[] outYs)
    {
        // Each input vertex yields at most two output vertices.
        EnsureCapacity(ref outXs, ref outYs, count * 2);
        var written = 0;
        if (count == 0)
        {
            return 0;
        }

        double px = xs[count - 1], py = ys[count - 1];
        var previousDistance = ((px - ox) * nx) + ((py - oy) * ny) - limit;
        for (var i = 0; i < count; i++)
        {
            double cx = xs[i], cy = ys[i];
            var distance = ((cx - ox) * nx) + ((cy - oy) * ny) - limit;
            if ((distance >= 0) != (previousDistance >= 0))
            {
                var t = previousDistance / (previousDistance - distance);
                outXs[written] = px + ((cx - px) * t);
                outYs[written] = py + ((cy - py) * t);
                written++;
            }

            if (distance >= 0)
            {
                outXs[written] = cx;
                outYs[written] = cy;
                written++;
            }

            (px, py, previousDistance) = (cx, cy, distance);
        }

        return written;
    }

    private static void EnsureCapacity(ref double[] xs, ref double[] ys, int needed)
    {
        if (xs.Length < needed)
        {
            xs = new double[needed * 2];
            ys = new double[needed * 2];
        }
    }
}
