namespace TileServer.Services.Planning;

using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

/// <summary>Overlays the control lines of one unit pairwise in its Gauss-Krüger plane. The intersections of a
/// pair are dissolved and split into connected parts; parts of at most <see cref="ToleranceM2"/> are dropped:
/// lines that only share an edge meet in zero-area or sliver intersections from coordinate rounding.</summary>
internal static class ConflictFinder
{
    public const double ToleranceM2 = 1.0;

    public static IEnumerable<ControlLineConflict> Find(UnitAccumulator unit)
    {
        var lines = PlanningLayerIds.ControlLines;
        int number = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            for (int j = i + 1; j < lines.Count; j++)
            {
                if (!unit.ControlLines.TryGetValue(lines[i], out var first) || !unit.ControlLines.TryGetValue(lines[j], out var second))
                {
                    continue;
                }

                foreach (var part in Overlaps(first, second))
                {
                    number++;
                    var location = unit.Zone.ToLonLat.Transform(part.InteriorPoint);
                    var bsm = $"{unit.Zone.Code}9{number:D9}";
                    yield return new ControlLineConflict(
                        bsm, unit.Zone.Code, lines[i], lines[j], part.Area, location.Coordinate.X, location.Coordinate.Y, unit.Zone.ToLonLat.Transform(part));
                }
            }
        }
    }

    /// <summary>The connected overlap parts of two polygon sets above the tolerance, largest first.</summary>
    private static List<Polygon> Overlaps(List<Geometry> first, List<Geometry> second)
    {
        var index = new STRtree<Geometry>();
        foreach (var polygon in second)
        {
            index.Insert(polygon.EnvelopeInternal, polygon);
        }

        var pieces = new List<Geometry>();
        foreach (var a in first)
        {
            var preparedA = PreparedGeometryFactory.Prepare(a);
            foreach (var b in index.Query(a.EnvelopeInternal))
            {
                if (!preparedA.Intersects(b))
                {
                    continue;
                }

                // Only the polygonal parts count: shared edges and corners give lines and points.
                var piece = OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection);
                for (int n = 0; n < piece.NumGeometries; n++)
                {
                    if (piece.GetGeometryN(n) is Polygon part && part.Area > 0)
                    {
                        pieces.Add(part);
                    }
                }
            }
        }

        var result = new List<Polygon>();
        if (pieces.Count == 0)
        {
            return result;
        }

        var union = OverlayNGRobust.Union(pieces[0].Factory.BuildGeometry(pieces));
        for (int n = 0; n < union.NumGeometries; n++)
        {
            if (union.GetGeometryN(n) is Polygon polygon && polygon.Area > ToleranceM2)
            {
                result.Add(polygon);
            }
        }

        result.Sort((x, y) => y.Area.CompareTo(x.Area));
        return result;
    }
}
