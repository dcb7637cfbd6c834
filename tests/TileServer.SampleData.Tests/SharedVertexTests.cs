namespace TileServer.SampleData.Tests;

using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

public sealed class SharedVertexTests
{
    [Fact]
    public void NeighboursShareTheirEdgeVerticesExactly()
    {
        var parcels = SmallSamples.OfUnit(SmallSamples.PingquanAndErenhot.Layer("ghyd"), "130881").Select(f => f.Geometry).ToList();
        var tree = new STRtree<Geometry>();
        parcels.ForEach(p => tree.Insert(p.EnvelopeInternal, p));
        var random = new Random(5);
        var checkedPairs = 0;
        for (var n = 0; n < 150; n++)
        {
            var a = parcels[random.Next(parcels.Count)];
            var aVertices = new HashSet<(double, double)>(a.Coordinates.Select(c => (c.X, c.Y)));
            foreach (var b in tree.Query(a.EnvelopeInternal).Where(b => !ReferenceEquals(a, b) && a.Touches(b)))
            {
                var shared = a.Boundary.Intersection(b.Boundary);
                if (shared.Length == 0)
                {
                    continue;
                }

                // Every vertex of b lying on a's boundary must be one of a's own vertices, bit for bit.
                var onA = b.Coordinates.Where(c => a.Boundary.Distance(new Point(c)) < 1e-9).ToList();
                Assert.True(onA.Count >= 2);
                Assert.All(onA, c => Assert.Contains((c.X, c.Y), aVertices));
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 300, $"only {checkedPairs} neighbour pairs checked");
    }
}
