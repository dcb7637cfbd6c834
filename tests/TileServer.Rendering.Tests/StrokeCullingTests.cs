using TileServer.Rendering.Tests.Oracle;

namespace TileServer.Rendering.Tests;

/// <summary>Strokes of paths that run far outside the canvas: culling the far segments must not change a pixel.</summary>
public sealed class StrokeCullingTests
{
    private const int Window = 64;
    private const int Offset = 320; // where the small canvas sits inside the large one

    [Theory]
    [InlineData(LineJoin.Miter, LineCap.Butt, 1.5)]
    [InlineData(LineJoin.Round, LineCap.Round, 4)]
    [InlineData(LineJoin.Bevel, LineCap.Square, 2)]
    public void A_wiggly_ring_far_beyond_the_canvas_strokes_as_on_a_canvas_that_holds_it_all(LineJoin join, LineCap cap, double width)
    {
        var style = new StrokeStyle { Width = width, Join = join, Cap = cap };
        var paint = new Paint(new Rgba(230, 0, 0, 255));

        // The small canvas shows the window [0, 64)²; the large one holds the whole ring, so nothing is culled.
        var small = new RasterCanvas(Window, Window);
        small.Clear(Rgba.Transparent);
        small.StrokePath(Ring(0), style, paint);
        var large = new RasterCanvas(2 * Offset, 2 * Offset);
        large.Clear(Rgba.Transparent);
        large.StrokePath(Ring(Offset), style, paint);

        var expected = new byte[Window * Window * 4];
        for (var y = 0; y < Window; y++)
        {
            large.Pixels.Slice((((y + Offset) * 2 * Offset) + Offset) * 4, Window * 4).CopyTo(expected.AsSpan(y * Window * 4));
        }

        var painted = 0;
        for (var i = 3; i < expected.Length; i += 4)
        {
            painted += expected[i] > 0 ? 1 : 0;
        }

        Assert.True(painted > 100, $"{painted} painted pixels: the ring must cross the window");
        var culled = new VectorPath();
        Assert.True(StrokeCuller.Cull(Ring(0), -10, -10, Window + 10, Window + 10, culled));
        Assert.InRange(culled.PointCount, 2, 100);
        var difference = ImageDifference.Measure(small.Pixels, expected);
        Assert.True(difference.Max <= 2, difference.ToString());
    }

    [Fact]
    public void A_path_wholly_inside_the_margin_is_not_copied()
    {
        var path = new VectorPath();
        path.AddRectangle(2, 2, 20, 20);
        var target = new VectorPath();
        Assert.False(StrokeCuller.Cull(path, -4, -4, 68, 68, target));
        Assert.Equal(0, target.PointCount);
    }

    /// <summary>A wiggly 720-vertex ring of radius about 150 through (30, 30) + offset: it crosses the small
    /// window near x = 30 and lies wholly inside the large canvas.</summary>
    private static VectorPath Ring(double offset)
    {
        var path = new VectorPath();
        for (var k = 0; k < 720; k++)
        {
            var angle = k * Math.PI / 360;
            var radius = 150 + (6 * Math.Sin(k * 0.7));
            var x = offset + 30 + (radius * Math.Cos(angle)) - 150;
            var y = offset + 30 + (radius * Math.Sin(angle));
            if (k == 0)
            {
                path.MoveTo(x, y);
            }
            else
            {
                path.LineTo(x, y);
            }
        }

        path.Close();
        return path;
    }
}
