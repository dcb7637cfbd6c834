namespace TileServer.Core.Tests.Geometry;

using TileServer.Core.Geometry;

public sealed class BoundingBoxTests
{
    [Fact]
    public void Empty_box_grows_to_the_first_box_it_includes()
    {
        var box = BoundingBox.Empty.ExpandToInclude(new BoundingBox(1, 2, 3, 4));
        Assert.Equal(new BoundingBox(1, 2, 3, 4), box);
        Assert.True(BoundingBox.Empty.IsEmpty);
        Assert.False(box.IsEmpty);
    }

    [Fact]
    public void Touching_boxes_intersect_and_separated_boxes_do_not()
    {
        var a = new BoundingBox(0, 0, 1, 1);
        Assert.True(a.Intersects(new BoundingBox(1, 1, 2, 2)));
        Assert.False(a.Intersects(new BoundingBox(1.0001, 0, 2, 1)));
    }
}
