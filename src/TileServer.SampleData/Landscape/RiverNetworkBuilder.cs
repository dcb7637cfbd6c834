namespace TileServer.SampleData.Landscape;

using NetTopologySuite.Geometries;
using TileServer.SampleData.Geo;

/// <summary>Draws a few meandering river lines per unit: a main river crossing the unit through the
/// county seat (towns sit on rivers) and tributaries from the boundary to the other towns.</summary>
internal static class RiverNetworkBuilder
{
    private const double StepMetres = 350;

    public static IReadOnlyList<LineString> Build(Geometry boundary, IReadOnlyList<Town> towns, int count, DeterministicRandom random)
    {
        var factory = boundary.Factory;
        var env = boundary.EnvelopeInternal;
        var reach = Math.Max(env.Width, env.Height);
        var seat = towns.First(t => t.IsSeat);
        var ring = Enumerable.Range(0, boundary.NumGeometries).Select(boundary.GetGeometryN).OfType<Polygon>()
            .OrderByDescending(p => p.Area).First().ExteriorRing.Coordinates;
        var rivers = new List<LineString>();

        var angle = random.Range(0, Math.PI);
        var upstream = NearestBoundaryPoint(ring, seat.X + (reach * Math.Cos(angle)), seat.Y + (reach * Math.Sin(angle)));
        var downstream = NearestBoundaryPoint(ring, seat.X - (reach * Math.Cos(angle)), seat.Y - (reach * Math.Sin(angle)));
        var main = Meander(new[] { upstream, new Coordinate(seat.X, seat.Y), downstream }, random);
        rivers.Add(factory.CreateLineString(main));

        var others = towns.Where(t => !t.IsSeat).ToList();
        for (var i = 1; i < count; i++)
        {
            var source = ring[random.Below(ring.Length - 1)];
            var via = others.Count > 0 ? others[(i - 1) % others.Count] : null;
            var mouthIndex = random.Below(main.Length / 2) + (main.Length / 4);
            var points = new List<Coordinate> { source.Copy() };
            if (via is not null)
            {
                points.Add(new Coordinate(via.X, via.Y));
            }

            points.Add(main[mouthIndex].Copy());
            rivers.Add(factory.CreateLineString(Meander(points, random)));
        }

        return rivers;
    }

    private static Coordinate NearestBoundaryPoint(Coordinate[] ring, double x, double y)
    {
        var best = ring[0];
        var bestDistance = double.MaxValue;
        foreach (var c in ring)
        {
            var d = ((c.X - x) * (c.X - x)) + ((c.Y - y) * (c.Y - y));
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }

        return best.Copy();
    }

    /// <summary>Densifies the control polyline and pushes points sideways by a smooth random profile that
    /// vanishes at the control points, so rivers still pass through the towns.</summary>
    private static Coordinate[] Meander(IReadOnlyList<Coordinate> controls, DeterministicRandom random)
    {
        var result = new List<Coordinate> { controls[0].Copy() };
        for (var leg = 0; leg + 1 < controls.Count; leg++)
        {
            var a = controls[leg];
            var b = controls[leg + 1];
            var length = a.Distance(b);
            var steps = Math.Max(2, (int)(length / StepMetres));
            var (nx, ny) = ((a.Y - b.Y) / Math.Max(length, 1), (b.X - a.X) / Math.Max(length, 1));
            var amplitude = Math.Min(2500, length * 0.12);
            var phases = new[] { random.Range(0, 2 * Math.PI), random.Range(0, 2 * Math.PI), random.Range(0, 2 * Math.PI) };
            var waves = new[] { Math.Max(1, length / 9000), Math.Max(2, length / 3500), Math.Max(3, length / 1200) };
            for (var s = 1; s <= steps; s++)
            {
                var t = s / (double)steps;
                var taper = Math.Sin(Math.PI * t);
                var offset = amplitude * taper * ((0.6 * Math.Sin((waves[0] * Math.PI * t) + phases[0]))
                    + (0.3 * Math.Sin((waves[1] * Math.PI * t) + phases[1])) + (0.1 * Math.Sin((waves[2] * Math.PI * t) + phases[2])));
                result.Add(new Coordinate(a.X + ((b.X - a.X) * t) + (nx * offset), a.Y + ((b.Y - a.Y) * t) + (ny * offset)));
            }
        }

        return result.ToArray();
    }
}
