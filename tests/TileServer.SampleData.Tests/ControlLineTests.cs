namespace TileServer.SampleData.Tests;

using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using TileServer.Core.Features;

[Collection(FullDefaultCollection.Name)]
public sealed class ControlLineTests(FullDefaultFixture fixture)
{
    private SampleDataset Data => fixture.Dataset;

    [Fact]
    public void ExactlyThreeOverlapsAmongControlLinesAndTheyAreReported()
    {
        var items = new List<(string Layer, string Unit, Geometry Geometry)>();
        foreach (var name in new[] { "yjjbnt", "stbhhx", "czkfbj" })
        {
            var layer = Data.Layer(name);
            items.AddRange(layer.Features.Select(f => (name, GeometryHelpers.UnitOf(layer, f), f.Geometry)));
        }

        var tree = new STRtree<int>();
        for (var i = 0; i < items.Count; i++)
        {
            tree.Insert(items[i].Geometry.EnvelopeInternal, i);
        }

        var found = new List<(string First, string Second, string Unit, Geometry Piece)>();
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var j in tree.Query(items[i].Geometry.EnvelopeInternal).Where(j => j > i))
            {
                var (a, b) = (items[i], items[j]);
                if (!a.Geometry.Intersects(b.Geometry))
                {
                    continue;
                }

                var piece = OverlayNGRobust.Overlay(a.Geometry, b.Geometry, SpatialFunction.Intersection);
                if (GeometryHelpers.PlaneArea(GeometryHelpers.ProjectionOf(a.Unit), piece) > 1)
                {
                    var layers = new[] { a.Layer, b.Layer }.Order(StringComparer.Ordinal).ToArray();
                    found.Add((layers[0], layers[1], a.Unit, piece));
                }
            }
        }

        // A deliberate overlap may span several features of a line; each must form one connected area.
        var regions = found.GroupBy(f => (f.First, f.Second, f.Unit))
            .Select(g => (g.Key, Area: CascadedPolygonUnion.Union(g.Select(f => f.Piece).ToList())))
            .ToList();
        Assert.True(regions.Count == 3, string.Join("; ", regions.Select(r =>
            $"{r.Key} {GeometryHelpers.PlaneArea(GeometryHelpers.ProjectionOf(r.Key.Unit), r.Area):F1} m² at {r.Area.Centroid}")));
        Assert.All(regions, r => Assert.Equal(1, r.Area.NumGeometries));
        Assert.Equal(3, Data.Report.Overlaps.Count);
        foreach (var o in Data.Report.Overlaps)
        {
            var region = regions.Single(r => r.Key.Unit == o.UnitCode);
            Assert.Equal(new[] { o.FirstLayer, o.SecondLayer }.Order(StringComparer.Ordinal), new[] { region.Key.First, region.Key.Second });
            var area = GeometryHelpers.PlaneArea(GeometryHelpers.ProjectionOf(o.UnitCode), region.Area);
            Assert.InRange(area, 0.999 * o.AreaM2, 1.001 * o.AreaM2);
            Assert.InRange(o.AreaM2, 10_000, 100_000);
            Assert.True(region.Area.Centroid.Distance(new Point(o.Lon, o.Lat)) < 1e-4);
        }

        Assert.Equal(["130881", "150502", "220605"], regions.Select(r => r.Key.Unit).Order());
    }

    [Fact]
    public void PermanentBasicFarmlandLiesOnFarmlandParcels()
    {
        var ghyd = Data.Layer("ghyd");
        var farmland = ghyd.Features.Where(f => ((string)f.Values[2]!).StartsWith("01", StringComparison.Ordinal)).Select(f => f.Geometry).ToList();
        var tree = new STRtree<Geometry>();
        farmland.ForEach(g => tree.Insert(g.EnvelopeInternal, g));
        var yjjbnt = Data.Layer("yjjbnt").Features;
        Assert.NotEmpty(yjjbnt);
        foreach (var f in yjjbnt.Where((_, i) => i % 10 == 0))
        {
            Assert.Contains(tree.Query(f.Geometry.EnvelopeInternal), g => g.EqualsExact(f.Geometry) || g.Covers(f.Geometry));
        }
    }

    [Fact]
    public void UrbanLand2020LiesInsideTheUrbanBoundary()
    {
        var czkfbj = Data.Layer("czkfbj");
        var czjsyd = Data.Layer("czjsyd2020");
        Assert.NotEmpty(czjsyd.Features);
        foreach (var unit in czjsyd.Features.Select(f => GeometryHelpers.UnitOf(czjsyd, f)).Distinct())
        {
            var projection = GeometryHelpers.ProjectionOf(unit);
            var boundary = CascadedPolygonUnion.Union(czkfbj.Features.Where(f => GeometryHelpers.UnitOf(czkfbj, f) == unit)
                .Select(f => projection.ToPlane(f.Geometry)).ToList());
            foreach (var f in czjsyd.Features.Where(f => GeometryHelpers.UnitOf(czjsyd, f) == unit))
            {
                var plane = projection.ToPlane(f.Geometry);
                Assert.True(OverlayNGRobust.Overlay(plane, boundary, SpatialFunction.Difference).Area < 1.0, $"czjsyd2020 outside czkfbj in {unit}");
            }
        }
    }

    [Fact]
    public void ControlLineAreaFieldsAreGaussKrugerAreas()
    {
        var stbhhx = Data.Layer("stbhhx");
        foreach (var f in stbhhx.Features.Take(200))
        {
            var area = GeometryHelpers.PlaneArea(GeometryHelpers.ProjectionOf(GeometryHelpers.UnitOf(stbhhx, f)), f.Geometry);
            // mj is the area in the plane before border vertices were pinned to their exact lon/lat (sub-mm moves).
            Assert.InRange((double)GeometryHelpers.Field(stbhhx, f, "mj")!, (area * (1 - 1e-7)) - 1, (area * (1 + 1e-7)) + 1);
        }
    }
}
