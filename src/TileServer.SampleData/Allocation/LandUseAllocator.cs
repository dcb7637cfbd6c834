namespace TileServer.SampleData.Allocation;

using TileServer.SampleData.Geo;
using TileServer.SampleData.Landscape;
using TileServer.SampleData.Parcels;

/// <summary>Gives every parcel a level-2 class: towns first (they claim the land around their centres),
/// then villages and water, then farmland and grassland calibrated to their goals by suitability, and
/// natural land for the rest.</summary>
internal sealed class LandUseAllocator(UnitLandscape landscape, IReadOnlyList<Parcel> parcels, UnitGoals goals, ulong seed)
{
    /// <summary>Flexible-development land per town as a fraction of its built-up land; small enough
    /// that the expansion multiple can stay under every approved maximum (the lowest is 1.15).</summary>
    public const double FlexibleFraction = 0.09;

    private readonly RegionKind region = landscape.Profile.Region;

    public void Run()
    {
        Describe();
        ClaimTowns();
        ClaimVillages();
        ClaimWater();

        var farmland = BandAllocator.Take(
            Free().OrderBy(p => region == RegionKind.DesertSteppe ? p.TownDistanceRatio : p.Elevation + (0.06 * Jitter(p, 1))),
            goals.Farmland);
        Assign(farmland, ParcelRole.Farmland, (p, r) => ClassPalette.Farmland(region, p.RiverDistance, r));

        if (goals.Grassland is double grassGoal)
        {
            var grass = BandAllocator.Take(Free().OrderByDescending(p => p.Elevation + (0.15 * Jitter(p, 2))), grassGoal);
            Assign(grass, ParcelRole.Grassland, (_, r) => ClassPalette.Grassland(r));
        }

        Assign(Free().ToList(), ParcelRole.Natural, (p, r) => ClassPalette.Natural(region, p.Elevation, goals.Grassland is null, r));
    }

    private void Describe()
    {
        foreach (var p in parcels)
        {
            p.RiverDistance = landscape.DistanceToRiver(p.X, p.Y);
            p.Elevation = landscape.Elevation(p.X, p.Y, p.RiverDistance);
            var best = double.MaxValue;
            for (var t = 0; t < landscape.Towns.Count; t++)
            {
                var ratio = landscape.Towns[t].DistanceTo(p.X, p.Y) / landscape.Towns[t].Radius;
                if (ratio < best)
                {
                    best = ratio;
                    p.Town = t;
                }
            }

            p.TownDistanceRatio = best;
        }
    }

    private void ClaimTowns()
    {
        for (var t = 0; t < landscape.Towns.Count; t++)
        {
            var town = landscape.Towns[t];
            var townIndex = t;

            // Irregular town outlines: the distance is stretched by a smooth function of the bearing.
            var phase = Jitter(parcels[0], 10 + (ulong)t) * Math.PI;
            double Reach(Parcel p) => town.DistanceTo(p.X, p.Y) * (1 + (0.25 * Math.Sin((3 * Math.Atan2(p.Y - town.Y, p.X - town.X)) + phase)));
            var ordered = Free().Where(p => town.DistanceTo(p.X, p.Y) < 4 * town.Radius + 3000).OrderBy(Reach).ToList();
            double built = 0, flexible = 0;
            foreach (var p in ordered)
            {
                if (built < town.BuiltUpM2)
                {
                    built += p.Area;
                    p.Role = ParcelRole.TownBuiltUp;
                    p.Town = townIndex;
                    p.Code = ClassPalette.Town(town.DistanceTo(p.X, p.Y) / town.Radius, Random(p, 3));
                }
                else if (flexible < FlexibleFraction * built)
                {
                    flexible += p.Area;
                    p.Role = ParcelRole.TownFlexible;
                    p.Town = townIndex;
                    p.Code = ClassPalette.Flexible(Random(p, 4));
                }
                else
                {
                    break;
                }
            }
        }
    }

    private void ClaimVillages()
    {
        foreach (var p in Free().ToList())
        {
            if (landscape.Villages.Any(v => ((v.X - p.X) * (v.X - p.X)) + ((v.Y - p.Y) * (v.Y - p.Y)) < 260 * 260))
            {
                p.Role = ParcelRole.Village;
                p.Code = ClassPalette.Village(Random(p, 5));
            }
        }
    }

    private void ClaimWater()
    {
        foreach (var p in Free().ToList())
        {
            var onRiver = p.RiverDistance < 0.45 * Math.Sqrt(p.Area);
            var pond = !onRiver && p.Elevation < 0.3 && Jitter(p, 6) > 0.994;
            if (onRiver || pond)
            {
                p.Role = ParcelRole.Water;
                p.Code = onRiver ? (region == RegionKind.DesertSteppe ? "1705" : "1701") : "1704";
            }
        }
    }

    private IEnumerable<Parcel> Free() => parcels.Where(p => p.Role == ParcelRole.Unassigned);

    private void Assign(IEnumerable<Parcel> chosen, ParcelRole role, Func<Parcel, DeterministicRandom, string> code)
    {
        foreach (var p in chosen)
        {
            p.Role = role;
            p.Code = code(p, Random(p, 7));
        }
    }

    private DeterministicRandom Random(Parcel p, ulong salt) =>
        new(DeterministicRandom.Combine(DeterministicRandom.Combine(seed, salt), (ulong)p.Index));

    /// <summary>A per-parcel pseudo-random value in [0, 1) for tie-breaking and scattering.</summary>
    private double Jitter(Parcel p, ulong salt) => Random(p, 100 + salt).NextDouble();
}
