namespace TileServer.SampleData.Parcels;

using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Triangulate;

/// <summary>Cuts a unit into parcels: Voronoi cells of the seed points, every edge replaced by a shared
/// noisy polyline, cells crossing the unit boundary clipped to it. All vertices live on a millimetre
/// grid of the GK plane so clipping (snap-rounded to the same grid) reproduces shared vertices exactly.</summary>
internal static class ParcelTessellator
{
    public static readonly PrecisionModel Millimetre = new(1000);
    private const int MaxRepairRounds = 30;

    public static List<Parcel> Tessellate(Geometry boundary, List<Coordinate> sites, ulong seed)
    {
        var factory = boundary.Factory;
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        var clip = new Envelope(boundary.EnvelopeInternal);
        clip.ExpandBy(20_000);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(factory);

        var cellRings = new List<(long X, long Y)[]>();
        var boundaryEnv = boundary.EnvelopeInternal;
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            if (cell is Polygon && cell.EnvelopeInternal.Intersects(boundaryEnv))
            {
                var ring = ToMillimetres(((Polygon)cell).ExteriorRing.Coordinates);
                if (ring.Length >= 4)
                {
                    cellRings.Add(ring);
                }
            }
        }

        var edgeCells = new Dictionary<EdgeKey, (int First, int Second)>();
        for (var c = 0; c < cellRings.Count; c++)
        {
            foreach (var key in EdgesOf(cellRings[c]))
            {
                edgeCells[key] = edgeCells.TryGetValue(key, out var seen) ? (seen.First, c) : (c, -1);
            }
        }

        var straight = new HashSet<EdgeKey>();
        var shapes = new Coordinate[cellRings.Count][];
        var pending = Enumerable.Range(0, cellRings.Count).ToList();
        for (var round = 0; pending.Count > 0; round++)
        {
            if (round > MaxRepairRounds)
            {
                throw new InvalidOperationException("Cells stay non-simple even with straight edges.");
            }

            var broken = new List<int>();
            foreach (var c in pending)
            {
                shapes[c] = NoisyRing(cellRings[c], straight, seed);
                if (!RingSimplicity.IsSimple(shapes[c]))
                {
                    broken.Add(c);
                }
            }

            // An edge straightened for a broken cell changes its neighbour too, so both are rebuilt.
            var redo = new SortedSet<int>();
            foreach (var c in broken)
            {
                foreach (var key in EdgesOf(cellRings[c]))
                {
                    straight.Add(key);
                    var (first, second) = edgeCells[key];
                    redo.Add(first);
                    if (second >= 0)
                    {
                        redo.Add(second);
                    }
                }
            }

            pending = redo.ToList();
        }

        return ClipToBoundary(boundary, cellRings, shapes, edgeCells, factory);
    }

    private static List<Parcel> ClipToBoundary(
        Geometry boundary, List<(long X, long Y)[]> cellRings, Coordinate[][] shapes,
        Dictionary<EdgeKey, (int First, int Second)> edgeCells, GeometryFactory factory)
    {
        var prepared = PreparedGeometryFactory.Prepare(boundary);
        var kept = new Geometry?[shapes.Length];
        for (var c = 0; c < shapes.Length; c++)
        {
            var polygon = factory.CreatePolygon(shapes[c]);
            if (prepared.ContainsProperly(polygon))
            {
                kept[c] = polygon;
            }
            else if (prepared.Intersects(polygon))
            {
                var piece = OverlayNG.Overlay(polygon, boundary, SpatialFunction.Intersection, Millimetre);
                kept[c] = piece.IsEmpty || piece.Area <= 0 ? null : OnlyPolygons(piece, factory);
            }
        }

        var parcelIndex = new int[shapes.Length];
        var parcels = new List<Parcel>();
        for (var c = 0; c < shapes.Length; c++)
        {
            parcelIndex[c] = kept[c] is null ? -1 : parcels.Count;
            if (kept[c] is not null)
            {
                parcels.Add(null!);
            }
        }

        for (var c = 0; c < shapes.Length; c++)
        {
            if (kept[c] is null)
            {
                continue;
            }

            var neighbours = new SortedSet<int>();
            foreach (var key in EdgesOf(cellRings[c]))
            {
                var (first, second) = edgeCells[key];
                var other = first == c ? second : first;
                if (other >= 0 && parcelIndex[other] >= 0)
                {
                    neighbours.Add(parcelIndex[other]);
                }
            }

            parcels[parcelIndex[c]] = new Parcel(parcelIndex[c], kept[c]!, neighbours.ToArray());
        }

        return parcels;
    }

    private static Geometry OnlyPolygons(Geometry piece, GeometryFactory factory)
    {
        var polygons = Enumerable.Range(0, piece.NumGeometries).Select(piece.GetGeometryN).OfType<Polygon>().ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    private static Coordinate[] NoisyRing((long X, long Y)[] ring, HashSet<EdgeKey> straight, ulong seed)
    {
        var result = new List<Coordinate>(ring.Length * 8);
        for (var i = 0; i + 1 < ring.Length; i++)
        {
            var (x1, y1) = ring[i];
            var (x2, y2) = ring[i + 1];
            result.Add(new Coordinate(x1 / 1000.0, y1 / 1000.0));
            var key = EdgeKey.Of(x1, y1, x2, y2, out var reversed);
            if (straight.Contains(key))
            {
                continue;
            }

            var interior = NoisyEdge.Interior(key, seed);
            for (var k = 0; k < interior.Length; k++)
            {
                var (x, y) = interior[reversed ? interior.Length - 1 - k : k];
                result.Add(new Coordinate(x / 1000.0, y / 1000.0));
            }
        }

        result.Add(result[0].Copy());
        return result.ToArray();
    }

    private static IEnumerable<EdgeKey> EdgesOf((long X, long Y)[] ring)
    {
        for (var i = 0; i + 1 < ring.Length; i++)
        {
            yield return EdgeKey.Of(ring[i].X, ring[i].Y, ring[i + 1].X, ring[i + 1].Y, out _);
        }
    }

    private static (long X, long Y)[] ToMillimetres(Coordinate[] ring)
    {
        var result = new List<(long X, long Y)>(ring.Length);
        foreach (var c in ring)
        {
            var p = ((long)Math.Round(c.X * 1000), (long)Math.Round(c.Y * 1000));
            if (result.Count == 0 || result[^1] != p)
            {
                result.Add(p);
            }
        }

        if (result.Count > 1 && result[0] != result[^1])
        {
            result.Add(result[0]);
        }

        return result.ToArray();
    }
}
