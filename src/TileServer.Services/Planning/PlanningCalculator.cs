namespace TileServer.Services.Planning;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Layers;

/// <summary>Reads the published planning layers once through the catalog (any source) and measures, per
/// county-level unit (the features' xzqdm): farmland (ghyd class 01), grassland (ghyd class 04, standing for
/// basic grassland), yjjbnt, stbhhx, czkfbj and czjsyd2020 — planar areas in the unit's Gauss-Krüger zone —
/// then overlays the control lines for conflicts. A missing layer counts as empty.</summary>
public sealed class PlanningCalculator(ILayerCatalog catalog)
{
    private const string FarmlandClass = "01";
    private const string GrasslandClass = "04";

    public async Task<PlanningSnapshot> ComputeAsync(CancellationToken cancellationToken)
    {
        var reader = new WKBReader();
        var zones = new Dictionary<string, UnitZone>(StringComparer.Ordinal);
        var units = new Dictionary<string, UnitAccumulator>(StringComparer.Ordinal);

        await foreach (var record in Read(PlanningLayerIds.Units, ["xzqdm", "xzqmc"], cancellationToken).ConfigureAwait(false))
        {
            string code = Text(record.Values[0]);
            var geometry = reader.Read(record.Wkb.ToArray());
            zones[code] = new UnitZone(code, Text(record.Values[1]), geometry.Centroid.X);
        }

        UnitAccumulator Unit(string code, Geometry lonLat)
        {
            if (!units.TryGetValue(code, out var unit))
            {
                // A feature of a unit missing from xzq: take the zone of the feature itself.
                var zone = zones.TryGetValue(code, out var known) ? known : zones[code] = new UnitZone(code, code, lonLat.Centroid.X);
                units[code] = unit = new UnitAccumulator(zone);
            }

            return unit;
        }

        foreach (var zone in zones.Values)
        {
            units[zone.Code] = new UnitAccumulator(zone);
        }

        // Each layer is read to the end at the pace of the source while a worker projects and measures what has been
        // read (ReadAhead), so a database statement is not held open by this work, and features do not pile up.
        await ReadAhead.RunAsync(LandUse(cancellationToken), feature =>
        {
            var lonLat = reader.Read(feature.Wkb);
            var unit = Unit(feature.Code, lonLat);
            double area = unit.Zone.ToPlane.Transform(lonLat).Area;
            if (feature.Farmland)
            {
                unit.Farmland += area;
            }
            else
            {
                unit.Grassland += area;
            }
        }, cancellationToken).ConfigureAwait(false);

        // Permanent basic farmland is read last and screened: at the 2-million-parcel scale it has 673,252
        // polygons against 22,074 of the two other lines, and holding all of them in the plane (NetTopologySuite
        // objects, about 2.5 times their WKB) took over a gigabyte (docs/planning.md, "Memory"). Only the few that
        // can meet another line are kept for the overlay; its area is summed from every polygon as before.
        string screened = PlanningLayerIds.PermanentBasicFarmland;
        foreach (string line in PlanningLayerIds.ControlLines.Where(l => l != screened).Append(screened))
        {
            var screen = line == screened ? new OverlapScreen(units.Values) : null;
            await ReadAhead.RunAsync(Coded(line, cancellationToken), feature =>
            {
                var lonLat = reader.Read(feature.Wkb);
                var unit = Unit(feature.Code, lonLat);
                var plane = unit.Zone.ToPlane.Transform(lonLat);
                double area = plane.Area;
                switch (line)
                {
                    case PlanningLayerIds.PermanentBasicFarmland: unit.PermanentBasicFarmland += area; break;
                    case PlanningLayerIds.Redline: unit.Redline += area; break;
                    default: unit.UrbanBoundary += area; break;
                }

                if (screen is not null && !screen.MayOverlap(unit, plane))
                {
                    return;
                }

                if (!unit.ControlLines.TryGetValue(line, out var list))
                {
                    unit.ControlLines[line] = list = [];
                }

                list.Add(plane);
            }, cancellationToken).ConfigureAwait(false);
        }

        await ReadAhead.RunAsync(Coded(PlanningLayerIds.UrbanLand2020, cancellationToken), feature =>
        {
            var lonLat = reader.Read(feature.Wkb);
            var unit = Unit(feature.Code, lonLat);
            unit.UrbanLand2020 += unit.Zone.ToPlane.Transform(lonLat).Area;
        }, cancellationToken).ConfigureAwait(false);

        var conflicts = new List<ControlLineConflict>();
        foreach (var unit in units.Values.OrderBy(u => u.Zone.Code, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            conflicts.AddRange(ConflictFinder.Find(unit));

            // The caller's continuation (and its collection, PlanningMonitor.ReturnMemory) may run inline on this
            // stack while this frame still roots the units; measured 252 MB of planes kept alive that way.
            unit.ControlLines.Clear();
        }

        return new PlanningSnapshot(
            DateTimeOffset.UtcNow,
            units.Values.ToDictionary(u => u.Zone.Code, u => u.ToMeasures(), StringComparer.Ordinal),
            conflicts);
    }

    /// <summary>The farmland and grassland parcels of ghyd as (xzqdm, farmland?, WKB).</summary>
    private async IAsyncEnumerable<(string Code, bool Farmland, byte[] Wkb)> LandUse(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in Read(PlanningLayerIds.LandUse, ["xzqdm", "ydyhfldm"], cancellationToken).ConfigureAwait(false))
        {
            string landClass = Text(record.Values[1]);
            bool farmland = landClass.StartsWith(FarmlandClass, StringComparison.Ordinal);
            if (farmland || landClass.StartsWith(GrasslandClass, StringComparison.Ordinal))
            {
                yield return (Text(record.Values[0]), farmland, record.Wkb.ToArray());
            }
        }
    }

    /// <summary>A layer's features as (xzqdm, WKB).</summary>
    private async IAsyncEnumerable<(string Code, byte[] Wkb)> Coded(
        string layerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in Read(layerId, ["xzqdm"], cancellationToken).ConfigureAwait(false))
        {
            yield return (Text(record.Values[0]), record.Wkb.ToArray());
        }
    }

    private async IAsyncEnumerable<FeatureRecord> Read(
        string layerId, string[] fields, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(layerId, out var layer))
        {
            yield break;
        }

        var query = new FeatureQuery(layer.Definition.Table, null, fields);
        await foreach (var record in layer.Source.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    private static string Text(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
