namespace TileServer.Rendering.Tests;

public sealed class CentreLineSimplifierTests
{
    private readonly CentreLineSimplifier simplifier = new();

    [Fact]
    public void Collinear_vertices_of_an_open_line_go_and_its_ends_stay()
    {
        var line = Open([.. Enumerable.Range(0, 101).Select(i => (i * 0.1, 3 + (i * 0.05)))]);
        var simplified = new VectorPath();

        Assert.True(simplifier.Simplify(line, simplified));

        Assert.Equal([(0.0, 3.0), (10.0, 8.0)], Points(simplified));
    }

    [Fact]
    public void A_vertex_beyond_the_tolerance_stays_and_one_within_it_goes()
    {
        var offset = CentreLineSimplifier.Tolerance;
        var line = Open([(0, 0), (5, offset * 0.9), (10, 0), (15, offset * 1.1), (20, 0)]);
        var simplified = new VectorPath();

        Assert.True(simplifier.Simplify(line, simplified));

        Assert.Equal([(0.0, 0.0), (15.0, offset * 1.1), (20.0, 0.0)], Points(simplified));
    }

    [Fact]
    public void A_spike_running_back_past_the_chord_end_is_kept()
    {
        // (10, 0) lies on the line through the chord (0, 0)–(5, 0) but 5 px past its end.
        var line = Open([(0, 0), (10, 0), (5, 0)]);

        Assert.False(simplifier.Simplify(line, new VectorPath()));
    }

    [Fact]
    public void A_closed_ring_keeps_its_corners_its_start_and_its_closing()
    {
        var ring = new VectorPath();
        var corners = new[] { (2.0, 2.0), (12.0, 2.0), (12.0, 9.0), (2.0, 9.0) };
        ring.MoveTo(2, 2);
        for (var side = 0; side < 4; side++)
        {
            var (ax, ay) = corners[side];
            var (bx, by) = corners[(side + 1) % 4];
            for (var k = 1; k <= 10; k++)
            {
                ring.LineTo(ax + ((bx - ax) * k / 10), ay + ((by - ay) * k / 10)); // The last one repeats the start.
            }
        }

        ring.Close();
        var simplified = new VectorPath();

        Assert.True(simplifier.Simplify(ring, simplified));

        Assert.Equal([(2.0, 2.0), (12.0, 2.0), (12.0, 9.0), (2.0, 9.0), (2.0, 2.0)], Points(simplified));
        Assert.True(simplified.IsClosed(0));
    }

    [Fact]
    public void Subpaths_are_simplified_one_by_one_and_keep_their_open_or_closed_state()
    {
        var path = new VectorPath();
        path.MoveTo(0, 0);
        path.LineTo(1, 0);
        path.LineTo(2, 0);
        path.MoveTo(0, 5);
        path.LineTo(1, 5.01);
        path.LineTo(2, 5);
        path.LineTo(1, 8);
        path.Close();
        var simplified = new VectorPath();

        Assert.True(simplifier.Simplify(path, simplified));

        Assert.Equal(2, simplified.SubpathCount);
        Assert.Equal(2, simplified.SubpathLength(0));
        Assert.False(simplified.IsClosed(0));
        Assert.Equal(3, simplified.SubpathLength(1));
        Assert.True(simplified.IsClosed(1));
    }

    [Fact]
    public void A_vertex_with_a_nan_coordinate_is_not_silently_dropped()
    {
        // Every distance measured from a NaN vertex is NaN: those are kept, and the stroker sees the vertex as before.
        foreach (var length in new[] { 7, 40 }) // Below and above the length the vectorised scan starts at.
        {
            var line = Open([.. Enumerable.Range(0, length).Select(i => ((double)i, i == length / 2 ? double.NaN : 0))]);
            var simplified = new VectorPath();

            var result = simplifier.Simplify(line, simplified) ? simplified : line;

            Assert.Contains(Points(result), p => double.IsNaN(p.Y));
            Assert.Equal((length - 1.0, 0.0), Points(result)[^1]);
        }
    }

    [Fact]
    public void Nothing_to_drop_writes_nothing()
    {
        var target = new VectorPath();
        target.MoveTo(7, 7);

        Assert.False(simplifier.Simplify(Open([(0, 0), (4, 3), (8, 0), (12, 3)]), target));
        Assert.Equal(1, target.PointCount);
    }

    [Fact]
    public void Every_dropped_vertex_of_a_dense_wobbly_line_lies_within_the_tolerance_of_the_result()
    {
        // A parcel boundary at a low zoom: ten vertices per pixel, wobbling by up to 0.04 px.
        var points = Enumerable.Range(0, 400).Select(i => (i * 0.1, 20 + (4 * Math.Sin(i * 0.02)) + (0.04 * Math.Sin(i * 1.7)))).ToArray();
        var simplified = new VectorPath();

        Assert.True(simplifier.Simplify(Open(points), simplified));

        var kept = Points(simplified);
        Assert.InRange(kept.Length, 3, points.Length / 2);
        foreach (var (x, y) in points)
        {
            var nearest = Enumerable.Range(0, kept.Length - 1).Min(k => Distance(x, y, kept[k], kept[k + 1]));
            Assert.True(nearest <= CentreLineSimplifier.Tolerance + 1e-12, $"({x}, {y}) is {nearest} px from the simplified line");
        }
    }

    private static VectorPath Open((double X, double Y)[] points)
    {
        var path = new VectorPath();
        path.MoveTo(points[0].X, points[0].Y);
        foreach (var (x, y) in points.Skip(1))
        {
            path.LineTo(x, y);
        }

        return path;
    }

    private static (double X, double Y)[] Points(VectorPath path) =>
        [.. Enumerable.Range(0, path.PointCount).Select(path.PointAt)];

    private static double Distance(double px, double py, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var t = Math.Clamp((((px - a.X) * dx) + ((py - a.Y) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
        return Math.Sqrt(Math.Pow(px - a.X - (t * dx), 2) + Math.Pow(py - a.Y - (t * dy), 2));
    }
}
