using TileServer.Rendering;

namespace TileServer.Rendering.Tests.Oracle;

/// <summary>
/// Stroke region defined directly from SVG 1.1 §11.4 as a union of simple shapes: one rectangle per
/// segment, a join shape at each interior vertex (disc / triangle / miter quad on the outer side) and a cap
/// shape at each open end. Dashes are split by an independent walk along the polyline.
/// </summary>
internal sealed class ReferenceStroke
{
    private readonly List<(double X, double Y)[]> _convexPieces = [];
    private readonly List<(double X, double Y)> _discs = [];
    private readonly double _halfWidth;

    public ReferenceStroke(IReadOnlyList<(double X, double Y)[]> polylines, bool closed, StrokeStyle style)
    {
        _halfWidth = style.Width / 2;
        foreach (var line in polylines)
        {
            if (style.DashArray is { Length: > 0 } dashes)
            {
                foreach (var dash in SplitDashes(line, closed, dashes, style.DashOffset))
                {
                    AddPolyline(dash, closed: false, style);
                }
            }
            else
            {
                AddPolyline(line, closed, style);
            }
        }
    }

    public bool Contains(double x, double y)
    {
        foreach (var (cx, cy) in _discs)
        {
            if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= _halfWidth * _halfWidth)
            {
                return true;
            }
        }

        foreach (var piece in _convexPieces)
        {
            if (Geometry.Winding([piece], x, y) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private void AddPolyline((double X, double Y)[] points, bool closed, StrokeStyle style)
    {
        var n = points.Length;
        var hw = _halfWidth;
        var segmentCount = closed ? n : n - 1;
        for (var i = 0; i < segmentCount; i++)
        {
            var (a, b) = (points[i], points[(i + 1) % n]);
            var (dx, dy) = Unit(a, b);
            _convexPieces.Add([
                (a.X - (dy * hw), a.Y + (dx * hw)), (b.X - (dy * hw), b.Y + (dx * hw)),
                (b.X + (dy * hw), b.Y - (dx * hw)), (a.X + (dy * hw), a.Y - (dx * hw))]);
        }

        for (var i = closed ? 0 : 1; i < (closed ? n : n - 1); i++)
        {
            AddJoin(points[(i + n - 1) % n], points[i], points[(i + 1) % n], style);
        }

        if (!closed)
        {
            AddCap(points[0], Unit(points[1], points[0]), style.Cap);
            AddCap(points[n - 1], Unit(points[n - 2], points[n - 1]), style.Cap);
        }
    }

    private void AddJoin((double X, double Y) previous, (double X, double Y) p, (double X, double Y) next, StrokeStyle style)
    {
        if (style.Join == LineJoin.Round)
        {
            _discs.Add(p);
            return;
        }

        var (d0x, d0y) = Unit(previous, p);
        var (d1x, d1y) = Unit(p, next);
        var cross = (d0x * d1y) - (d0y * d1x);
        var dot = (d0x * d1x) + (d0y * d1y);
        var side = cross > 0 ? -1 : 1; // outer side as a multiple of the normal (−dy, dx)
        var hw = _halfWidth * side;
        (double, double) a0 = (p.X - (d0y * hw), p.Y + (d0x * hw));
        (double, double) a1 = (p.X - (d1y * hw), p.Y + (d1x * hw));
        var miterRatio = 1 / Math.Sqrt((1 + dot) / 2);
        if (style.Join == LineJoin.Miter && miterRatio <= style.MiterLimit)
        {
            var scale = hw / (1 + dot);
            _convexPieces.Add([p, a0, (p.X + ((-d0y - d1y) * scale), p.Y + ((d0x + d1x) * scale)), a1]);
        }
        else
        {
            _convexPieces.Add([p, a0, a1]);
        }
    }

    private void AddCap((double X, double Y) end, (double X, double Y) outward, LineCap cap)
    {
        var hw = _halfWidth;
        var (dx, dy) = outward;
        if (cap == LineCap.Round)
        {
            _discs.Add(end);
        }
        else if (cap == LineCap.Square)
        {
            var far = (X: end.X + (dx * hw), Y: end.Y + (dy * hw));
            _convexPieces.Add([
                (end.X - (dy * hw), end.Y + (dx * hw)), (far.X - (dy * hw), far.Y + (dx * hw)),
                (far.X + (dy * hw), far.Y - (dx * hw)), (end.X + (dy * hw), end.Y - (dx * hw))]);
        }
    }

    private static (double X, double Y) Unit((double X, double Y) from, (double X, double Y) to)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        return (dx / length, dy / length);
    }

    /// <summary>Walks the polyline in small arc-length steps of exact length and cuts it at dash boundaries.</summary>
    private static List<(double X, double Y)[]> SplitDashes((double X, double Y)[] line, bool closed, double[] dashes, double offset)
    {
        var pattern = dashes.Length % 2 == 1 ? [.. dashes, .. dashes] : dashes;
        var total = pattern.Sum();
        var points = closed ? [.. line, line[0]] : line;
        var result = new List<(double X, double Y)[]>();
        var current = new List<(double X, double Y)>();
        var phase = ((offset % total) + total) % total;
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var (a, b) = (points[i], points[i + 1]);
            var length = Math.Sqrt(Math.Pow(b.X - a.X, 2) + Math.Pow(b.Y - a.Y, 2));
            var s = 0.0;
            while (s < length)
            {
                // Locate the pattern interval containing the current phase.
                var (index, intervalEnd) = (0, pattern[0]);
                while (phase >= intervalEnd)
                {
                    index++;
                    intervalEnd += pattern[index];
                }

                var step = Math.Min(intervalEnd - phase, length - s);
                (double, double) At(double t) => (a.X + ((b.X - a.X) * t / length), a.Y + ((b.Y - a.Y) * t / length));
                if (index % 2 == 0)
                {
                    if (current.Count == 0)
                    {
                        current.Add(At(s));
                    }

                    current.Add(At(s + step));
                }

                s += step;
                phase += step;
                if (phase >= intervalEnd - 1e-12)
                {
                    if (current.Count > 1) { result.Add([.. current]); }
                    current.Clear();
                    phase = phase >= total - 1e-12 ? 0 : phase;
                }
            }
        }

        if (current.Count > 1)
        {
            result.Add([.. current]);
        }

        return result;
    }
}
