namespace TileServer.SampleData;

using System.Collections.Concurrent;
using System.Diagnostics;
using TileServer.Core.Features;
using TileServer.SampleData.Output;
using TileServer.SampleData.Reference;

/// <summary>Generates the sample planning database: six layers over the 16 units, calibrated to the
/// approved targets of config/plan_targets.json.</summary>
public static class SampleGenerator
{
    public static SampleDataset Generate(SampleOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Density <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Density must be positive.");
        }

        var clock = Stopwatch.StartNew();
        var counties = options.Units is null
            ? CountyBoundaryCatalog.All
            : options.Units.Distinct().Select(CountyBoundaryCatalog.Get).ToList();
        var results = new ConcurrentDictionary<string, UnitGeneration>();

        // Largest units first so the two cores finish together; each unit has its own seed, so the
        // output does not depend on this order or on scheduling.
        var order = counties.OrderByDescending(c => c.LonLat.Area * Landscape.UnitProfiles.For(c.Code).ParcelsPerKm2).ToList();
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, county =>
        {
            progress?.Report($"{county.Code} {county.Name}: generating");
            var result = UnitGenerator.Run(county, options);
            results[county.Code] = result;
            progress?.Report($"{county.Code} {county.Name}: {result.Summary.Parcels:N0} parcels ({clock.Elapsed.TotalSeconds:F0} s)");
        });

        var ordered = CountyBoundaryCatalog.All.Where(c => results.ContainsKey(c.Code)).Select(c => results[c.Code]).ToList();
        var layers = new List<FeatureLayerData>
        {
            new(LayerSchemas.Xzq, ordered.Select(r => r.Boundary).ToList()),
            new(LayerSchemas.Ghyd, ordered.SelectMany(r => r.Parcels).ToList()),
            new(LayerSchemas.Yjjbnt, ordered.SelectMany(r => r.ControlLayers["yjjbnt"]).ToList()),
            new(LayerSchemas.Stbhhx, ordered.SelectMany(r => r.ControlLayers["stbhhx"]).ToList()),
            new(LayerSchemas.Czkfbj, ordered.SelectMany(r => r.ControlLayers["czkfbj"]).ToList()),
            new(LayerSchemas.Czjsyd2020, ordered.SelectMany(r => r.ControlLayers["czjsyd2020"]).ToList()),
        };
        var report = new SampleReport(
            ordered.Select(r => r.Summary).ToList(),
            ordered.Where(r => r.Overlap is not null).Select(r => r.Overlap!).ToList(),
            clock.Elapsed,
            options);
        progress?.Report($"done: {report.TotalParcels:N0} parcels in {clock.Elapsed.TotalSeconds:F1} s");
        return new SampleDataset(layers, report);
    }
}
