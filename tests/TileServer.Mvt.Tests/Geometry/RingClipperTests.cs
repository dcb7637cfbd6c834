using TileServer.Mvt.Geometry;

namespace TileServer.Mvt.Tests.Geometry;

public sealed class RingClipperTests
{
    [Fact]
    public void Triangle_poking_out_of_one_side_is_cut_along_that_side()
    {
        var ring = new PointBuffer<double>();
        ring.Add(50, 50);
        ring.Add(150, 50);
        ring.Add(50, 90);

        new RingClipper().Clip(ring, new ClipBox(0, 100));

        Assert.Equal([50d, 100, 100, 50], ring.Xs.ToArray());
        Assert.Equal([50d, 50, 70, 90], ring.Ys.ToArray());
    }

    [Fact]
    public void Concave_ring_leaving_and_reentering_keeps_every_vertex_inside_the_box()
    {
        // A U shape whose two arms stick out of the top; Sutherland–Hodgman joins them along the border.
        var ring = new PointBuffer<double>();
        foreach (var (x, y) in new (double, double)[] { (10, -50), (30, -50), (30, 50), (70, 50), (70, -50), (90, -50), (90, 90), (10, 90) })
        {
            ring.Add(x, y);
        }

        new RingClipper().Clip(ring, new ClipBox(0, 100));

        Assert.True(ring.Count >= 8);
        for (int i = 0; i < ring.Count; i++)
        {
            Assert.InRange(ring.X(i), 0, 100);
            Assert.InRange(ring.Y(i), 0, 100);
        }
    }
}
