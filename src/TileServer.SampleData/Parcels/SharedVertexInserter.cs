namespace TileServer.SampleData.Parcels;

using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

/// <summary>Adds to a polygon's rings every given vertex that lies on one of its segments, so that
/// polygons of a coverage have identical vertex sequences along their shared borders.</summary>
internal static class SharedVertexInserter
{
    private const double OnSegment = 1e-9;
    private const double MaxSegmentDegrees = 0.002;

    public static Geometry Insert(Geometry polygonal, IReadOnlyList<Coordinate> vertices)
    {
        var factory = polygonal.Factory;
        var tree = new STRtree<Coordinate>();
        foreach (var v in vertices)
        {
            tree.Insert(new Envelope(v), v);
        }

        Polygon Fix(Polygon p) => factory.CreatePolygon(
            Ring(p.Shell, tree, factory),
            p.Holes.Select(h => Ring(h, tree, factory)).ToArray());

        return polygonal switch
        {
            Polygon p => Fix(p),
            MultiPolygon m => factory.CreateMultiPolygon(Enumerable.Range(0, m.NumGeometries).Select(i => Fix((Polygon)m.GetGeometryN(i))).ToArray()),
            _ => polygonal,
        };
    }

    private static LinearRing Ring(LineString ring, STRtree<Coordinate> tree, GeometryFactory factory)
    {
        var source = ring.Coordinates;
        var result = new List<Coordinate>(source.Length);
        for (var i = 0; i + 1 < source.Length; i++)
        {
            var a = source[i];
            var b = source[i + 1];
            result.Add(a);
            var env = new Envelope(a, b);
            env.ExpandBy(OnSegment);
            var between = tree.Query(env)
                .Where(v => !v.Equals2D(a) && !v.Equals2D(b) && DistanceComputer.PointToSegment(v, a, b) < OnSegment)
                .OrderBy(v => v.Distance(a))
                .ToList();
            result.AddRange(between.Select(v => v.Copy()));
        }

        result.Add(source[^1]);
        return factory.CreateLinearRing(Densify(result));
    }

    /// <summary>Splits long segments, because a straight lon/lat segment and a straight plane segment
    /// between the same ends drift apart by decimetres over tens of kilometres. Points are computed from
    /// the canonical end and rounded to the grid, so both neighbours of a border get identical ones.</summary>
    private static Coordinate[] Densify(List<Coordinate> ring)
    {
        var result = new List<Coordinate>(ring.Count * 2);
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            var a = ring[i];
            var b = ring[i + 1];
            result.Add(a);
            var pieces = (int)Math.Ceiling(a.Distance(b) / MaxSegmentDegrees);
            var forward = a.CompareTo(b) < 0;
            var (from, to) = forward ? (a, b) : (b, a);
            var inner = new List<Coordinate>();
            for (var k = 1; k < pieces; k++)
            {
                var t = k / (double)pieces;
                inner.Add(new Coordinate(
                    Math.Round((from.X + ((to.X - from.X) * t)) * 1e7) / 1e7,
                    Math.Round((from.Y + ((to.Y - from.Y) * t)) * 1e7) / 1e7));
            }

            if (!forward)
            {
                inner.Reverse();
            }

            result.AddRange(inner);
        }

        result.Add(ring[^1]);
        return result.ToArray();
    }
}
