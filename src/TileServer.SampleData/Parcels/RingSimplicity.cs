namespace TileServer.SampleData.Parcels;

using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

/// <summary>A direct O(n²) simple-ring test for the small rings of single cells; much cheaper than a
/// full IsValid, which matters with hundreds of thousands of cells.</summary>
internal static class RingSimplicity
{
    public static bool IsSimple(Coordinate[] ring)
    {
        var segments = ring.Length - 1;
        for (var i = 0; i < segments; i++)
        {
            var p1 = ring[i];
            var p2 = ring[i + 1];
            var next = i + 2 <= segments ? ring[i + 2] : ring[1];
            if (Orientation.Index(p1, p2, next) == OrientationIndex.Collinear && Dot(p1, p2, next) < 0)
            {
                return false;
            }

            for (var j = i + 2; j < segments; j++)
            {
                if (i == 0 && j == segments - 1)
                {
                    continue;
                }

                if (SegmentsIntersect(p1, p2, ring[j], ring[j + 1]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static double Dot(Coordinate a, Coordinate b, Coordinate c) => ((b.X - a.X) * (c.X - b.X)) + ((b.Y - a.Y) * (c.Y - b.Y));

    private static bool SegmentsIntersect(Coordinate p1, Coordinate p2, Coordinate q1, Coordinate q2)
    {
        if (Math.Max(p1.X, p2.X) < Math.Min(q1.X, q2.X) || Math.Max(q1.X, q2.X) < Math.Min(p1.X, p2.X)
            || Math.Max(p1.Y, p2.Y) < Math.Min(q1.Y, q2.Y) || Math.Max(q1.Y, q2.Y) < Math.Min(p1.Y, p2.Y))
        {
            return false;
        }

        var o1 = Orientation.Index(p1, p2, q1);
        var o2 = Orientation.Index(p1, p2, q2);
        var o3 = Orientation.Index(q1, q2, p1);
        var o4 = Orientation.Index(q1, q2, p2);
        if (o1 != o2 && o3 != o4)
        {
            return true;
        }

        // Collinear touching or overlapping segments also break simplicity.
        return (o1 == OrientationIndex.Collinear && OnSegment(p1, p2, q1)) || (o2 == OrientationIndex.Collinear && OnSegment(p1, p2, q2))
            || (o3 == OrientationIndex.Collinear && OnSegment(q1, q2, p1)) || (o4 == OrientationIndex.Collinear && OnSegment(q1, q2, p2));
    }

    private static bool OnSegment(Coordinate a, Coordinate b, Coordinate p) =>
        p.X >= Math.Min(a.X, b.X) && p.X <= Math.Max(a.X, b.X) && p.Y >= Math.Min(a.Y, b.Y) && p.Y <= Math.Max(a.Y, b.Y);
}
