using TileServer.Mvt.Geometry;

namespace TileServer.Mvt.Tests.Geometry;

public sealed class LineClipperTests
{
    [Fact]
    public void Line_inside_is_kept_exactly()
    {
        var line = Line((1.25, 2.5), (3, 4), (99.9, 0));
        var output = new PointBuffer<double>();
        var ends = new List<int>();

        LineClipper.Clip(line, new ClipBox(0, 100), output, ends);

        Assert.Equal([3], ends);
        Assert.Equal([1.25, 3, 99.9], output.Xs.ToArray());
    }

    [Fact]
    public void Segment_passing_through_is_cut_at_both_sides()
    {
        var output = new PointBuffer<double>();
        var ends = new List<int>();

        LineClipper.Clip(Line((-50, 50), (150, 50)), new ClipBox(0, 100), output, ends);

        Assert.Equal([2], ends);
        Assert.Equal([0d, 100], output.Xs.ToArray());
        Assert.Equal([50d, 50], output.Ys.ToArray());
    }

    [Fact]
    public void Leaving_and_returning_yields_separate_pieces_and_outside_lines_none()
    {
        var output = new PointBuffer<double>();
        var ends = new List<int>();

        LineClipper.Clip(Line((10, 10), (10, 200), (20, 200), (20, 10)), new ClipBox(0, 100), output, ends);
        LineClipper.Clip(Line((200, 200), (300, 300)), new ClipBox(0, 100), output, ends);

        Assert.Equal([2, 4], ends);
        Assert.Equal([10d, 100, 100, 10], output.Ys.ToArray());
    }

    private static PointBuffer<double> Line(params (double X, double Y)[] points)
    {
        var buffer = new PointBuffer<double>();
        foreach (var (x, y) in points)
        {
            buffer.Add(x, y);
        }

        return buffer;
    }
}
