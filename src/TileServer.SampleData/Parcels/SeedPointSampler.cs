namespace TileServer.SampleData.Parcels;

using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using TileServer.SampleData.Geo;
using TileServer.SampleData.Landscape;

/// <summary>Places parcel seed points with a spatially varying density using an adaptive quadtree:
/// squares are split while they would hold more than one point, then each leaf gets one jittered point
/// with probability equal to its expected count. This spreads points far more evenly than independent
/// random draws (fewer sliver cells), like a Poisson-disk sampling, at a fraction of the cost.</summary>
internal static class SeedPointSampler
{
    private const double RootSize = 16_000;
    private const double MinLeaf = 8;

    public static List<Coordinate> Sample(UnitLandscape landscape, Geometry region, DeterministicRandom random)
    {
        var env = region.EnvelopeInternal;
        var prepared = PreparedGeometryFactory.Prepare(region);
        var locator = new IndexedPointInAreaLocator(region);
        var points = new List<Coordinate>();
        var stack = new Stack<(double X, double Y, double Size)>();
        for (var x = env.MinX; x < env.MaxX; x += RootSize)
        {
            for (var y = env.MinY; y < env.MaxY; y += RootSize)
            {
                stack.Push((x, y, RootSize));
            }
        }

        while (stack.Count > 0)
        {
            var (x, y, size) = stack.Pop();
            var half = size / 2;
            if (size >= 1000 && !prepared.Intersects(region.Factory.ToGeometry(new Envelope(x, x + size, y, y + size))))
            {
                continue;
            }

            if (size > MinLeaf && landscape.DensityUpperBound(x + half, y + half, half) * size * size > 1)
            {
                stack.Push((x, y, half));
                stack.Push((x + half, y, half));
                stack.Push((x, y + half, half));
                stack.Push((x + half, y + half, half));
                continue;
            }

            var expected = landscape.Density(x + half, y + half) * size * size;
            var count = (int)expected + (random.NextDouble() < expected - Math.Floor(expected) ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                var p = new Coordinate(x + (random.NextDouble() * size), y + (random.NextDouble() * size));
                if (locator.Locate(p) != Location.Exterior)
                {
                    points.Add(p);
                }
            }
        }

        return points;
    }
}
