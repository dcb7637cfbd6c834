using TileServer.Mvt.Geometry;

namespace TileServer.Mvt.Tests.Geometry;

public sealed class DouglasPeuckerTests
{
    [Fact]
    public void Open_line_keeps_endpoints_and_points_beyond_tolerance()
    {
        double[] xs = [0, 10, 20, 30, 40];
        double[] ys = [0, 0.3, 2, 0.7, 0];
        var output = new PointBuffer<double>();

        new DouglasPeucker().Simplify(xs, ys, closed: false, tolerance: 1, output);

        Assert.Equal([0d, 20, 40], output.Xs.ToArray());
        Assert.Equal([0d, 2, 0], output.Ys.ToArray());
    }

    [Fact]
    public void Closed_ring_is_simplified_around_its_first_point_without_repeating_it()
    {
        // A square with extra points on every edge: only the corners carry information.
        double[] xs = [0, 5, 10, 10, 10, 5, 0, 0];
        double[] ys = [0, 0, 0, 5, 10, 10, 10, 5];
        var output = new PointBuffer<double>();

        new DouglasPeucker().Simplify(xs, ys, closed: true, tolerance: 0.5, output);

        Assert.Equal([0d, 10, 10, 0], output.Xs.ToArray());
        Assert.Equal([0d, 0, 10, 10], output.Ys.ToArray());
    }

    [Fact]
    public void Reuse_with_shorter_input_is_not_polluted_by_earlier_state()
    {
        var simplifier = new DouglasPeucker();
        var output = new PointBuffer<double>();
        double[] longXs = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        double[] longYs = longXs.Select(x => x % 2 * 10).ToArray();
        simplifier.Simplify(longXs, longYs, closed: false, tolerance: 1, output);
        Assert.Equal(100, output.Count);

        output.Clear();
        simplifier.Simplify([0, 1, 2], [0, 0.01, 0], closed: false, tolerance: 1, output);

        Assert.Equal(2, output.Count);
    }
}
