using TileServer.Rendering;

namespace TileServer.Rendering.Tests.Oracle;

/// <summary>Plain point-in-shape predicates for the oracle.</summary>
internal static class Geometry
{
    /// <summary>Winding number of (px, py) with respect to closed rings (crossing rule, half-open in y).</summary>
    public static int Winding(IReadOnlyList<(double X, double Y)[]> rings, double px, double py)
    {
        var winding = 0;
        foreach (var ring in rings)
        {
            for (var i = 0; i < ring.Length; i++)
            {
                var (ax, ay) = ring[i];
                var (bx, by) = ring[(i + 1) % ring.Length];
                if ((ay <= py) == (by <= py))
                {
                    continue;
                }

                var xAtY = ax + ((py - ay) / (by - ay) * (bx - ax));
                if (xAtY > px)
                {
                    winding += by > ay ? 1 : -1;
                }
            }
        }

        return winding;
    }

    public static Func<double, double, bool> Polygon(IReadOnlyList<(double X, double Y)[]> rings, FillRule rule) =>
        (x, y) =>
        {
            var w = Winding(rings, x, y);
            return rule == FillRule.NonZero ? w != 0 : (w & 1) != 0;
        };

    public static VectorPath ToPath(IReadOnlyList<(double X, double Y)[]> rings, bool close = true)
    {
        var path = new VectorPath();
        foreach (var ring in rings)
        {
            path.MoveTo(ring[0].X, ring[0].Y);
            for (var i = 1; i < ring.Length; i++)
            {
                path.LineTo(ring[i].X, ring[i].Y);
            }

            if (close)
            {
                path.Close();
            }
        }

        return path;
    }

    public static (double X, double Y)[] RegularPolygon(double cx, double cy, double radius, int sides, double phase = 0)
    {
        var ring = new (double, double)[sides];
        for (var i = 0; i < sides; i++)
        {
            var a = phase + (2 * Math.PI * i / sides);
            ring[i] = (cx + (radius * Math.Cos(a)), cy + (radius * Math.Sin(a)));
        }

        return ring;
    }

    /// <summary>Pentagram: vertices of a pentagon visited in steps of two (self-intersecting, winding 2 in the centre).</summary>
    public static (double X, double Y)[] Star(double cx, double cy, double radius)
    {
        var pentagon = RegularPolygon(cx, cy, radius, 5, -Math.PI / 2);
        return [pentagon[0], pentagon[2], pentagon[4], pentagon[1], pentagon[3]];
    }
}
