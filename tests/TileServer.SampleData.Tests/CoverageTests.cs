namespace TileServer.SampleData.Tests;

using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;

public sealed class CoverageTests
{
    [Theory]
    [InlineData("130881")]
    [InlineData("152501")]
    public void ParcelAreasSumToTheUnitArea(string code)
    {
        var data = SmallSamples.PingquanAndErenhot;
        var projection = GeometryHelpers.ProjectionOf(code);
        var unit = data.Layer("xzq").Features.Single(f => (string)f.Values[0]! == code);
        var unitArea = GeometryHelpers.PlaneArea(projection, unit.Geometry);
        var ghyd = data.Layer("ghyd");
        var sum = SmallSamples.OfUnit(ghyd, code).Sum(f => GeometryHelpers.PlaneArea(projection, f.Geometry));
        Assert.InRange(sum / unitArea, 0.9995, 1.0005);
    }

    [Fact]
    public void SampleWindowHasNoOverlapsOrGaps()
    {
        var data = SmallSamples.PingquanAndErenhot;
        var projection = GeometryHelpers.ProjectionOf("130881");
        var unitPlane = projection.ToPlane(data.Layer("xzq").Features.Single(f => (string)f.Values[0]! == "130881").Geometry);
        var centre = projection.ToPlane(118.70, 41.01);
        var window = unitPlane.Factory.ToGeometry(new Envelope(centre.X - 2500, centre.X + 2500, centre.Y - 2500, centre.Y + 2500));
        var parcels = SmallSamples.OfUnit(data.Layer("ghyd"), "130881")
            .Select(f => projection.ToPlane(f.Geometry)).Where(g => g.Intersects(window)).ToList();
        Assert.True(parcels.Count > 50, $"only {parcels.Count} parcels in the window");

        var tree = new STRtree<Geometry>();
        parcels.ForEach(p => tree.Insert(p.EnvelopeInternal, p));
        var overlap = 0.0;
        foreach (var p in parcels)
        {
            foreach (var q in tree.Query(p.EnvelopeInternal))
            {
                if (!ReferenceEquals(p, q) && p.Intersects(q))
                {
                    overlap += OverlayNGRobust.Overlay(p, q, SpatialFunction.Intersection).Area;
                }
            }
        }

        Assert.True(overlap < 1.0, $"overlap {overlap} m²");
        var covered = CascadedPolygonUnion.Union(parcels).Intersection(window).Area;
        var expected = unitPlane.Intersection(window).Area;
        Assert.InRange(covered / expected, 0.99999, 1.00001);
    }
}
