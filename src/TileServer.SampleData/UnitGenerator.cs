namespace TileServer.SampleData;

using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using TileServer.Core.Features;
using TileServer.SampleData.Allocation;
using TileServer.SampleData.Geo;
using TileServer.SampleData.Landscape;
using TileServer.SampleData.Output;
using TileServer.SampleData.Parcels;
using TileServer.SampleData.Reference;

/// <summary>Generates one unit from its own seed, so the result never depends on which other units
/// are generated or on thread scheduling.</summary>
internal static class UnitGenerator
{
    /// <summary>Where the three deliberate overlaps go (one per unit).</summary>
    private static readonly IReadOnlyDictionary<string, string> DeliberateOverlaps = new Dictionary<string, string>
    {
        ["130881"] = "yjjbnt×stbhhx",
        ["220605"] = "yjjbnt×czkfbj",
        ["150502"] = "stbhhx×czkfbj",
    };

    private static readonly ConcurrentDictionary<string, double> PlaneAreas = new();

    public static UnitGeneration Run(CountyBoundary county, SampleOptions options)
    {
        var seed = DeterministicRandom.Combine((ulong)options.Seed, DeterministicRandom.Hash(county.Code));
        var projection = GaussKrugerProjection.ForLonLat(county.LonLat);
        var cleanLonLat = UnitCoverage.LonLat(county.Code);
        var boundary = PlaneBoundary.Build(cleanLonLat, projection);
        var pinned = PinnedBorderVertices(cleanLonLat, projection);
        var profile = UnitProfiles.For(county.Code);
        var landscape = new UnitLandscape(boundary, profile, projection, DeterministicRandom.Combine(seed, 1));
        landscape.CalibrateDensity(profile.ParcelsPerKm2 * boundary.Area / 1e6 * options.Density);
        var sites = SeedPointSampler.Sample(landscape, boundary.Buffer(3000, 2), new DeterministicRandom(DeterministicRandom.Combine(seed, 2)));
        var parcels = ParcelTessellator.Tessellate(boundary, sites, DeterministicRandom.Combine(seed, 3));

        var goals = UnitGoals.Resolve(county.Code, boundary.Area, PlaneAreaOf);
        new LandUseAllocator(landscape, parcels, goals, DeterministicRandom.Combine(seed, 4)).Run();
        var planner = new ControlLinePlanner(landscape, parcels, goals, DeliberateOverlaps.GetValueOrDefault(county.Code), DeterministicRandom.Combine(seed, 5));
        planner.Run();

        var unit = new UnitIdentity(county.Code, county.Name, county.ParentCode, county.ParentName, county.Province);
        var ghyd = parcels.Select(p => new WritableFeature(
            LonLat(projection, p.Plane, pinned),
            [$"{county.Code}{p.Index + 1:D10}", county.Code, p.Code, LanduseClassCatalog.Level2Name(p.Code!), Math.Round(p.Area, 2)])).ToList();
        var controls = new Dictionary<string, List<WritableFeature>>();
        var layerDigit = new Dictionary<string, int> { ["yjjbnt"] = 1, ["stbhhx"] = 2, ["czkfbj"] = 3, ["czjsyd2020"] = 4 };
        foreach (var (layer, digit) in layerDigit)
        {
            var features = planner.Features.Where(f => f.Layer == layer).ToList();
            controls[layer] = features.Select((f, i) =>
            {
                var bsm = $"{county.Code}{digit}{i + 1:D9}";
                object?[] values = layer == "czjsyd2020"
                    ? [bsm, county.Code, Math.Round(f.Area, 2)]
                    : ControlLineAttributes.For(layer, f, bsm, i + 1, unit);
                return new WritableFeature(LonLat(projection, f.Plane, pinned), values);
            }).ToList();
        }

        OverlapRecord? overlap = null;
        if (planner.Overlap is { } piece)
        {
            var centre = projection.ToLonLat(piece.Plane.Centroid.X, piece.Plane.Centroid.Y);
            overlap = new OverlapRecord(piece.FirstLayer, piece.SecondLayer, county.Code, centre.X, centre.Y, piece.Plane.Area);
        }

        var summary = new UnitSummary(
            county.Code, county.Name, projection.CentralMeridian, parcels.Count, boundary.Area,
            parcels.Where(p => p.Code!.StartsWith("01", StringComparison.Ordinal)).Sum(p => p.Area),
            planner.Features.Where(f => f.Layer == "yjjbnt").Sum(f => f.Area),
            planner.Features.Where(f => f.Layer == "stbhhx").Sum(f => f.Area),
            parcels.Where(p => p.Code!.StartsWith("04", StringComparison.Ordinal)).Sum(p => p.Area),
            planner.Features.Where(f => f.Layer == "czkfbj").Sum(f => f.Area),
            planner.Features.Where(f => f.Layer == "czjsyd2020").Sum(f => f.Area));
        var xzq = new WritableFeature(LonLat(projection, boundary, pinned), [county.Code, county.Name, county.ParentCode, county.ParentName]);
        return new UnitGeneration(summary, xzq, ghyd, controls, overlap);
    }

    /// <summary>GK area of any unit's boundary, needed to split 通辽's city-wide targets over members that
    /// may not be part of this run.</summary>
    private static double PlaneAreaOf(string code) => PlaneAreas.GetOrAdd(code, c =>
    {
        var county = CountyBoundaryCatalog.Get(c);
        return PlaneBoundary.Build(UnitCoverage.LonLat(c), GaussKrugerProjection.ForLonLat(county.LonLat)).Area;
    });

    /// <summary>Border vertices by their millimetre plane position, mapped to the exact clean lon/lat.</summary>
    private static Dictionary<(long X, long Y), Coordinate> PinnedBorderVertices(Geometry lonLat, GaussKrugerProjection projection)
    {
        var pinned = new Dictionary<(long X, long Y), Coordinate>();
        foreach (var c in lonLat.Coordinates)
        {
            var p = projection.ToPlane(c.X, c.Y);
            pinned[((long)Math.Round(p.X * 1000), (long)Math.Round(p.Y * 1000))] = c;
        }

        return pinned;
    }

    private static MultiPolygon LonLat(GaussKrugerProjection projection, Geometry plane, IReadOnlyDictionary<(long X, long Y), Coordinate> pinned)
    {
        var lonLat = projection.ToLonLat(plane, pinned);
        return lonLat switch
        {
            MultiPolygon multi => multi,
            Polygon polygon => lonLat.Factory.CreateMultiPolygon([polygon]),
            _ => throw new InvalidOperationException($"Unexpected {lonLat.GeometryType} in a polygon layer."),
        };
    }
}
