namespace TileServer.SampleData.Allocation;

using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using TileServer.SampleData.Parcels;

/// <summary>Merges parcels whose edges coincide exactly into larger polygons. CoverageUnion relies on
/// that exactness, which the shared noisy edges guarantee, and is much faster than a general union.</summary>
internal static class Dissolver
{
    public static Geometry Union(IEnumerable<Parcel> parcels, GeometryFactory factory)
    {
        var polygons = parcels.SelectMany(p => Enumerable.Range(0, p.Plane.NumGeometries).Select(p.Plane.GetGeometryN)).OfType<Polygon>().ToArray();
        var merged = polygons.Length == 1 ? polygons[0] : CoverageUnion.Union(factory.CreateGeometryCollection(polygons));
        return merged;
    }

    /// <summary>Groups the selected parcels into connected clusters (through shared edges) of at most
    /// <paramref name="maxParcels"/> parcels each, in a deterministic order.</summary>
    public static List<List<Parcel>> Clusters(IReadOnlyList<Parcel> all, IReadOnlyCollection<Parcel> selected, int maxParcels)
    {
        var inSet = new HashSet<int>(selected.Select(p => p.Index));
        var done = new HashSet<int>();
        var clusters = new List<List<Parcel>>();
        foreach (var start in selected.OrderBy(p => p.Index))
        {
            if (!done.Add(start.Index))
            {
                continue;
            }

            var cluster = new List<Parcel>();
            var queue = new Queue<Parcel>();
            queue.Enqueue(start);
            while (queue.Count > 0 && cluster.Count < maxParcels)
            {
                var p = queue.Dequeue();
                cluster.Add(p);
                foreach (var n in p.Neighbours)
                {
                    if (inSet.Contains(n) && cluster.Count + queue.Count < maxParcels && done.Add(n))
                    {
                        queue.Enqueue(all[n]);
                    }
                }
            }

            clusters.Add(cluster);
        }

        return clusters;
    }
}
