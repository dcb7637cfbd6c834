namespace TileServer.Rendering.Tests;

public sealed class VectorPathTests
{
    [Fact]
    public void LineToIfMovedDropsRepeatsOfTheCurrentPointOnly()
    {
        var path = new VectorPath();
        path.MoveTo(1, 2);
        path.LineToIfMoved(1, 2); // the current point: dropped
        path.LineToIfMoved(3, 2);
        path.LineToIfMoved(3, 2); // dropped
        path.LineToIfMoved(3, 4); // same x, new y: kept
        path.LineToIfMoved(1, 2); // repeats an earlier point, not the current one: kept

        Assert.Equal(4, path.PointCount);
        Assert.Equal((3.0, 2.0), path.PointAt(1));
        Assert.Equal((3.0, 4.0), path.PointAt(2));
        Assert.Equal((1.0, 2.0), path.PointAt(3));
    }

    [Fact]
    public void LineToIfMovedStartsASubpathWhenNoneIsOpen()
    {
        var path = new VectorPath();
        path.MoveTo(0, 0);
        path.LineTo(5, 0);
        path.Close();
        path.LineToIfMoved(5, 0); // after Close: a new subpath, even at the previous point

        Assert.Equal(2, path.SubpathCount);
        Assert.Equal(3, path.PointCount);
    }

    [Fact]
    public void LineToIfMovedGrowsPastTheInitialCapacity()
    {
        var path = new VectorPath();
        path.MoveTo(0, 0);
        for (var i = 1; i <= 1000; i++)
        {
            path.LineToIfMoved(i, i);
            path.LineToIfMoved(i, i);
        }

        Assert.Equal(1001, path.PointCount);
        Assert.Equal((1000.0, 1000.0), path.PointAt(1000));
    }
}
