namespace TileServer.SampleData.Allocation;

using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using TileServer.SampleData.Geo;
using TileServer.SampleData.Landscape;
using TileServer.SampleData.Parcels;

/// <summary>Derives the three control lines and the 2020 urban construction land from the classified
/// parcels. The lines are built from disjoint parcel sets (farmland / natural land / town land), so they
/// cannot overlap except for the one deliberate overlap a unit may be asked to carry.</summary>
internal sealed class ControlLinePlanner(UnitLandscape landscape, IReadOnlyList<Parcel> parcels, UnitGoals goals, string? deliberateOverlap, ulong seed)
{
    public const string Yjjbnt = "yjjbnt";
    public const string Stbhhx = "stbhhx";
    public const string Czkfbj = "czkfbj";
    public const string Czjsyd = "czjsyd2020";

    private readonly GeometryFactory factory = landscape.Boundary.Factory;

    private List<Parcel> redlineParcels = [];

    public List<ControlFeature> Features { get; } = [];

    public OverlapPiece? Overlap { get; private set; }

    public void Run()
    {
        var pbf = BandAllocator.Take(
            parcels.Where(p => p.Role == ParcelRole.Farmland).OrderBy(p => p.Elevation + (0.05 * Jitter(p, 1))),
            goals.PermanentBasicFarmland);
        Features.AddRange(pbf.OrderBy(p => p.Index).Select(p => new ControlFeature(Yjjbnt, p.Plane, "", p.Town, p)));

        if (deliberateOverlap == Yjjbnt + "×" + Stbhhx)
        {
            // Hosts inside a block of permanent basic farmland, nearest the hills where red lines lie.
            var inPbf = pbf.Select(p => p.Index).ToHashSet();
            var piece = PieceWithin(pbf.Where(p => p.Neighbours.All(inPbf.Contains)).OrderByDescending(p => p.Elevation), pbf, 110);
            Overlap = piece is null ? null : new OverlapPiece(Yjjbnt, Stbhhx, piece);
        }

        PlanRedline();
        PlanTowns(pbf);
        PlanUrbanLand2020();
    }

    private void PlanRedline()
    {
        var already = Overlap is { SecondLayer: Stbhhx } ? Overlap.Plane.Area : 0;
        var candidates = parcels.Where(p => p.Role is ParcelRole.Natural or ParcelRole.Grassland or ParcelRole.Water
                && p.Code != "1002" && p.TownDistanceRatio > 2.5)
            .OrderByDescending(p => p.Elevation + (p.Role == ParcelRole.Water ? 0.3 : 0) + (0.1 * Jitter(p, 2)));
        var chosen = BandAllocator.Take(candidates, goals.Redline, already);
        redlineParcels = chosen;
        foreach (var cluster in Dissolver.Clusters(parcels, chosen, 400))
        {
            Features.Add(new ControlFeature(Stbhhx, Dissolver.Union(cluster, factory), RedlineType(cluster[0]), cluster[0].Town));
        }

        if (Overlap is { SecondLayer: Stbhhx })
        {
            Features.Add(new ControlFeature(Stbhhx, Overlap.Plane, RedlineType(null), 0));
        }
    }

    private void PlanTowns(List<Parcel> pbf)
    {
        for (var t = 0; t < landscape.Towns.Count; t++)
        {
            var built = parcels.Where(p => p.Role == ParcelRole.TownBuiltUp && p.Town == t).ToList();
            var core = built.Where(p => p.Code != "1402").ToList();
            var special = built.Where(p => p.Code == "1402").ToList();
            var flexible = parcels.Where(p => p.Role == ParcelRole.TownFlexible && p.Town == t).ToList();
            AddZone(core, "城镇集中建设区", t);
            AddZone(special, "特别用途区", t);
            AddZone(flexible, "城镇弹性发展区", t);
        }

        OverlapPiece? piece = null;
        if (deliberateOverlap == Yjjbnt + "×" + Czkfbj)
        {
            var plane = PieceWithin(pbf.OrderBy(p => p.TownDistanceRatio), pbf, 110);
            piece = plane is null ? null : new OverlapPiece(Yjjbnt, Czkfbj, plane);
        }
        else if (deliberateOverlap == Stbhhx + "×" + Czkfbj)
        {
            var plane = PieceWithin(redlineParcels.OrderBy(p => p.TownDistanceRatio), redlineParcels, 120);
            piece = plane is null ? null : new OverlapPiece(Stbhhx, Czkfbj, plane);
        }

        if (piece is not null)
        {
            Overlap = piece;
            var town = parcels.OrderBy(p => p.Plane.Distance(piece.Plane)).First().Town;
            Features.Add(new ControlFeature(Czkfbj, piece.Plane, "城镇弹性发展区", town));
        }
    }

    /// <summary>Picks the 2020 urban land nearest the town centres until the boundary-to-2020 ratio
    /// drops just under 96.5% of the approved maximum.</summary>
    private void PlanUrbanLand2020()
    {
        var boundaryArea = Features.Where(f => f.Layer == Czkfbj).Sum(f => f.Area);
        var needed = boundaryArea / (0.965 * goals.ExpansionMax);
        var chosen = new List<Parcel>();
        var total = 0.0;
        foreach (var p in parcels.Where(p => p.Role == ParcelRole.TownBuiltUp).OrderBy(p => p.TownDistanceRatio + (0.02 * Jitter(p, 3))))
        {
            if (total >= needed)
            {
                break;
            }

            chosen.Add(p);
            total += p.Area;
        }

        foreach (var group in chosen.GroupBy(p => p.Town).OrderBy(g => g.Key))
        {
            foreach (var cluster in Dissolver.Clusters(parcels, group.ToList(), 2000))
            {
                Features.Add(new ControlFeature(Czjsyd, Dissolver.Union(cluster, factory), "", group.Key));
            }
        }
    }

    private void AddZone(List<Parcel> zone, string name, int town)
    {
        foreach (var cluster in Dissolver.Clusters(parcels, zone, 5000))
        {
            Features.Add(new ControlFeature(Czkfbj, Dissolver.Union(cluster, factory), name, town));
        }
    }

    /// <summary>A few-hectare disc around a candidate parcel, cut to the parcels of one control line so it
    /// overlaps that line only. Tries candidates in order until the piece is at least 2 ha, which works
    /// whatever the parcel density.</summary>
    private Geometry? PieceWithin(IEnumerable<Parcel> candidates, List<Parcel> line, double radius)
    {
        foreach (var host in candidates.Take(400))
        {
            var disc = host.Plane.InteriorPoint.Buffer(radius, 6);
            var near = line.Where(p => p.Plane.EnvelopeInternal.Intersects(disc.EnvelopeInternal)).ToList();
            var piece = OverlayNG.Overlay(Dissolver.Union(near, factory), disc, SpatialFunction.Intersection, ParcelTessellator.Millimetre);
            if (piece.Area >= 20_000 && piece is Polygon)
            {
                return piece;
            }
        }

        return null;
    }

    private string RedlineType(Parcel? sample) => landscape.Profile.Region switch
    {
        RegionKind.HorqinPlain or RegionKind.DesertSteppe => "防风固沙",
        RegionKind.HorqinUpland => sample?.Role == ParcelRole.Grassland ? "防风固沙" : "水源涵养",
        RegionKind.ChangbaiForest => sample?.Role == ParcelRole.Water ? "水源涵养" : "生物多样性维护",
        _ => sample?.Elevation > 0.6 ? "水源涵养" : "水土保持",
    };

    private double Jitter(Parcel p, ulong salt) =>
        new DeterministicRandom(DeterministicRandom.Combine(DeterministicRandom.Combine(seed, 500 + salt), (ulong)p.Index)).NextDouble();
}
