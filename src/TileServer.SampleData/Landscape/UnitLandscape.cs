namespace TileServer.SampleData.Landscape;

using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using TileServer.SampleData.Geo;

/// <summary>The synthetic terrain of one unit in its Gauss-Krüger plane: towns, villages, rivers, a noise
/// "elevation" (valleys vs mountains) and the parcel density derived from them.</summary>
internal sealed class UnitLandscape
{
    private readonly ValueNoise relief;
    private readonly IndexedFacetDistance riverDistance;
    private readonly GeometryFactory factory;
    private readonly (double Small, double Large) baseParcelHa;
    private double baseScale = 1;
    private double bumpScale = 1;

    public UnitLandscape(Geometry boundary, UnitProfile profile, GaussKrugerProjection projection, ulong seed)
    {
        Boundary = boundary;
        Profile = profile;
        factory = boundary.Factory;
        var random = new DeterministicRandom(seed);
        relief = new ValueNoise(DeterministicRandom.Combine(seed, 1), 28_000, 5);
        var locator = new IndexedPointInAreaLocator(boundary);
        Towns = profile.Towns.Select(t => PlaceTown(t, projection, locator)).ToList();
        Rivers = RiverNetworkBuilder.Build(boundary, Towns, profile.RiverCount, random);
        riverDistance = new IndexedFacetDistance(factory.CreateMultiLineString(Rivers.ToArray()));
        baseParcelHa = profile.Region switch
        {
            RegionKind.YanshanHills => (2.0, 150),
            RegionKind.ChangbaiForest => (2.0, 150),
            RegionKind.HorqinPlain => (8, 60),
            RegionKind.HorqinUpland => (15, 200),
            _ => (25, 400),
        };
        Villages = PlaceVillages(locator, random);
    }

    public Geometry Boundary { get; }

    public UnitProfile Profile { get; }

    public IReadOnlyList<Town> Towns { get; }

    public IReadOnlyList<LineString> Rivers { get; }

    public IReadOnlyList<Coordinate> Villages { get; }

    public double DistanceToRiver(double x, double y) => riverDistance.Distance(factory.CreatePoint(new Coordinate(x, y)));

    /// <summary>Relief in about [0, 1]: low in river valleys and town basins, high on ridges.</summary>
    public double Elevation(double x, double y) => Elevation(x, y, DistanceToRiver(x, y));

    public double Elevation(double x, double y, double riverDistanceMetres)
    {
        var e = 0.5 + (0.5 * relief.Sample(x, y));
        e *= 1 - (0.55 * Math.Exp(-Square(riverDistanceMetres / 2500)));
        foreach (var town in Towns)
        {
            e *= 1 - (0.4 * Math.Exp(-Square(town.DistanceTo(x, y) / (2.5 * town.Radius))));
        }

        return e;
    }

    /// <summary>Sets the scale factors so that the expected number of parcels in the unit is
    /// <paramref name="targetCount"/>; towns, villages and rivers keep their fine grain unless they alone
    /// would take most of the budget.</summary>
    public void CalibrateDensity(double targetCount)
    {
        var env = Boundary.EnvelopeInternal;
        var cell = Math.Sqrt(Boundary.Area / 40_000);
        var locator = new IndexedPointInAreaLocator(Boundary);
        double baseSum = 0, bumpSum = 0;
        for (var x = env.MinX + (cell / 2); x < env.MaxX; x += cell)
        {
            for (var y = env.MinY + (cell / 2); y < env.MaxY; y += cell)
            {
                if (locator.Locate(new Coordinate(x, y)) == Location.Exterior)
                {
                    continue;
                }

                var river = DistanceToRiver(x, y);
                baseSum += BaseDensity(x, y, river) * cell * cell;
                bumpSum += BumpDensity(x, y, river, 0) * cell * cell;
            }
        }

        bumpScale = targetCount * (bumpSum > 0.5 * targetCount ? 0.5 * targetCount / bumpSum : 1) / targetCount;
        baseScale = Math.Max(targetCount - (bumpSum * bumpScale), 0.3 * targetCount) / baseSum;
    }

    /// <summary>Expected parcels per m².</summary>
    public double Density(double x, double y)
    {
        var river = DistanceToRiver(x, y);
        return (BaseDensity(x, y, river) * baseScale) + (BumpDensity(x, y, river, 0) * bumpScale);
    }

    /// <summary>An upper bound of <see cref="Density"/> over a square of half-size
    /// <paramref name="half"/>, so the sampler's quadtree never skips a small town or village.</summary>
    public double DensityUpperBound(double x, double y, double half)
    {
        var slack = half * Math.Sqrt(2);
        var river = DistanceToRiver(x, y);
        return (BaseDensity(x, y, river) * baseScale * 2.5) + (BumpDensity(x, y, Math.Max(0, river - slack), slack) * bumpScale);
    }

    private double BaseDensity(double x, double y, double river)
    {
        var e = Elevation(x, y, river);
        var t = SmoothStep(0.25, 0.7, e);
        var ha = Math.Exp(Math.Log(baseParcelHa.Small) + ((Math.Log(baseParcelHa.Large) - Math.Log(baseParcelHa.Small)) * t));
        return 1 / (ha * 10_000);
    }

    private double BumpDensity(double x, double y, double river, double slack)
    {
        var density = Math.Exp(-Square(river / 250)) / 20_000;
        foreach (var town in Towns)
        {
            var d = Math.Max(0, town.DistanceTo(x, y) - slack);
            var fade = d <= 1.3 * town.Radius ? 1 : Math.Exp(-Square((d - (1.3 * town.Radius)) / (0.6 * town.Radius)));
            density += fade / (4_500 * (1 + (2.3 * Square(d / town.Radius))));
        }

        foreach (var village in Villages)
        {
            var d = Math.Max(0, Math.Sqrt(Square(village.X - x) + Square(village.Y - y)) - slack);
            if (d < 800)
            {
                density += Math.Exp(-Square(d / 200)) / 5_000;
            }
        }

        return density;
    }

    /// <summary>Approximate coordinates may fall just outside a jagged boundary; such towns are pulled
    /// towards an interior point until they are inside.</summary>
    private Town PlaceTown(TownSeed seed, GaussKrugerProjection projection, IndexedPointInAreaLocator locator)
    {
        var p = projection.ToPlane(seed.Lon, seed.Lat);
        var inside = Boundary.InteriorPoint.Coordinate;
        for (var i = 0; i < 20 && locator.Locate(p) != Location.Interior; i++)
        {
            p = new Coordinate(p.X + ((inside.X - p.X) * 0.15), p.Y + ((inside.Y - p.Y) * 0.15));
        }

        return new Town(seed.Name, p.X, p.Y, seed.BuiltUpKm2 * 1e6, seed.IsSeat);
    }

    private List<Coordinate> PlaceVillages(IndexedPointInAreaLocator locator, DeterministicRandom random)
    {
        var env = Boundary.EnvelopeInternal;
        var wanted = (int)Math.Round(Boundary.Area / 1e8 * Profile.VillagesPer100Km2);
        var villages = new List<Coordinate>();
        for (var attempt = 0; attempt < wanted * 60 && villages.Count < wanted; attempt++)
        {
            var c = new Coordinate(random.Range(env.MinX, env.MaxX), random.Range(env.MinY, env.MaxY));
            if (locator.Locate(c) != Location.Interior || Elevation(c.X, c.Y) > 0.45
                || Towns.Any(t => t.DistanceTo(c.X, c.Y) < (1.4 * t.Radius) + 1500)
                || villages.Any(v => v.Distance(c) < 1200))
            {
                continue;
            }

            villages.Add(c);
        }

        return villages;
    }

    private static double SmoothStep(double a, double b, double v)
    {
        var t = Math.Clamp((v - a) / (b - a), 0, 1);
        return t * t * (3 - (2 * t));
    }

    private static double Square(double v) => v * v;
}
