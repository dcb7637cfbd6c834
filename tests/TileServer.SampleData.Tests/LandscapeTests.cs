namespace TileServer.SampleData.Tests;

using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

[Collection(FullDefaultCollection.Name)]
public sealed class LandscapeTests(FullDefaultFixture fixture)
{
    [Theory]
    [InlineData("152501")]
    [InlineData("150526")]
    [InlineData("150581")]
    public void GrasslandIsTheLargestClassInSteppeUnits(string code)
    {
        var ghyd = fixture.Dataset.Layer("ghyd");
        var byLevel1 = SmallSamples.OfUnit(ghyd, code)
            .GroupBy(f => ((string)f.Values[2]!)[..2])
            .ToDictionary(g => g.Key, g => g.Sum(f => (double)f.Values[4]!));
        Assert.Equal("04", byLevel1.MaxBy(kv => kv.Value).Key);
    }

    [Fact]
    public void TownLandIsSmallParcelsAndForestLandIsLarge()
    {
        var ghyd = SmallSamples.OfUnit(fixture.Dataset.Layer("ghyd"), "130881").ToList();
        double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }

        var urban = Median(ghyd.Where(f => (string)f.Values[2]! is "0701" or "0901" or "1001").Select(f => (double)f.Values[4]!));
        var forest = Median(ghyd.Where(f => (string)f.Values[2]! == "0301").Select(f => (double)f.Values[4]!));
        Assert.True(urban < 10_000, $"urban median {urban} m²");
        Assert.True(forest > 5 * urban, $"forest median {forest} m²");
    }

    [Fact]
    public void UnitsDoNotOverlapEachOther()
    {
        var xzq = fixture.Dataset.Layer("xzq").Features;
        for (var i = 0; i < xzq.Count; i++)
        {
            for (var j = i + 1; j < xzq.Count; j++)
            {
                if (!xzq[i].Geometry.EnvelopeInternal.Intersects(xzq[j].Geometry.EnvelopeInternal))
                {
                    continue;
                }

                var shared = OverlayNGRobust.Overlay(xzq[i].Geometry, xzq[j].Geometry, SpatialFunction.Intersection);
                var area = GeometryHelpers.PlaneArea(GeometryHelpers.ProjectionOf((string)xzq[i].Values[0]!), shared);
                Assert.True(area < 50, $"{xzq[i].Values[0]} × {xzq[j].Values[0]}: {area} m²");
            }
        }
    }
}
