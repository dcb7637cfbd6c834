namespace TileServer.Rendering.Tests;

/// <summary>The simplicity test that lets a narrow ring's stroke skip its inner side, and a sub-pixel fill skip
/// the rasterizer: it may only answer "simple" for rings that are.</summary>
public sealed class NarrowRingTests
{
    [Fact]
    public void Convex_and_concave_simple_rings_are_simple()
    {
        Assert.True(NarrowRing.IsSimpleSmallRing([0.1, 0.9, 0.8, 0.2], [0.1, 0.2, 0.9, 0.7])); // convex
        Assert.True(NarrowRing.IsSimpleSmallRing([0.1, 0.9, 0.9, 0.5, 0.1], [0.1, 0.1, 0.9, 0.3, 0.9])); // notched
    }

    [Fact]
    public void Rings_that_cross_themselves_are_not_simple()
    {
        // A figure-eight turns both ways; a pentagram turns one way only but twice around.
        Assert.False(NarrowRing.IsSimpleSmallRing([0.1, 0.9, 0.9, 0.1], [0.1, 0.9, 0.1, 0.9]));
        double[] xs = new double[5], ys = new double[5];
        for (var k = 0; k < 5; k++)
        {
            var angle = Math.PI / 2 + (k * 4 * Math.PI / 5);
            xs[k] = 0.5 + (0.4 * Math.Cos(angle));
            ys[k] = 0.5 + (0.4 * Math.Sin(angle));
        }

        Assert.False(NarrowRing.IsSimpleSmallRing(xs, ys));
    }

    [Fact]
    public void A_sub_pixel_ring_covers_its_pixel_by_its_area_and_others_are_left_to_the_rasterizer()
    {
        var triangle = new VectorPath();
        triangle.AddRing([3.25, 5.125, 3.75, 5.125, 3.25, 5.875]);
        Assert.True(SubPixelPolygon.TryCoverage(triangle, 16, 16, out var x, out var y, out var coverage));
        Assert.Equal((3, 5, 0.5 * 0.5 * 0.75), (x, y, (double)coverage));

        var straddling = new VectorPath();
        straddling.AddRing([3.5, 5.5, 4.25, 5.5, 3.5, 5.75]);
        Assert.False(SubPixelPolygon.TryCoverage(straddling, 16, 16, out _, out _, out _));
    }
}
