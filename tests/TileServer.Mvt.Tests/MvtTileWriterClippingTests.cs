using TileServer.Mvt.Tests.TestSupport;

namespace TileServer.Mvt.Tests;

public sealed class MvtTileWriterClippingTests
{
    [Fact]
    public void Polygon_larger_than_the_tile_becomes_the_buffered_box()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons([TileHelper.Square(-10_000, -10_000, 30_000)]))!;

        IReadOnlyList<MvtPoint> ring = Assert.Single(feature.Parts);
        Assert.Equal(4, ring.Count);
        Assert.Equal(
            new HashSet<MvtPoint> { new(-64, -64), new(4160, -64), new(4160, 4160), new(-64, 4160) },
            ring.ToHashSet());
        Assert.True(TileHelper.TwiceArea(ring) > 0);
    }

    [Fact]
    public void Custom_extent_and_buffer_define_the_clip_box()
    {
        var options = new MvtEncodingOptions { Extent = 512, Buffer = 8 };
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons([TileHelper.Square(-100, -100, 1000)]), options: options)!;

        Assert.All(feature.Parts[0], p =>
        {
            Assert.InRange(p.X, -8, 520);
            Assert.InRange(p.Y, -8, 520);
        });
        Assert.Equal(2L * 528 * 528, TileHelper.TwiceArea(feature.Parts[0]));
    }

    [Fact]
    public void Hole_is_clipped_together_with_its_exterior()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons(
            [TileHelper.Square(-1000, -1000, 3000), TileHelper.Square(-500, 100, 1000)]))!;

        Assert.Equal(2, feature.Parts.Count);
        Assert.Equal(-2L * 564 * 1000, TileHelper.TwiceArea(feature.Parts[1]));
    }

    [Fact]
    public void Line_crossing_the_tile_twice_becomes_two_lines()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Lines(
            [(-1000, 1000), (2000, 1000), (2000, -1000), (3000, -1000), (3000, 1000), (6000, 1000)]))!;

        Assert.Equal(2, feature.Parts.Count);
        Assert.Equal([new MvtPoint(-64, 1000), new MvtPoint(2000, 1000), new MvtPoint(2000, -64)], feature.Parts[0]);
        Assert.Equal([new MvtPoint(3000, -64), new MvtPoint(3000, 1000), new MvtPoint(4160, 1000)], feature.Parts[1]);
    }

    [Fact]
    public void Diagonal_line_is_cut_at_the_buffer_edge()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Lines([(-1064, -1064), (5160, 5160)]))!;

        Assert.Equal([new MvtPoint(-64, -64), new MvtPoint(4160, 4160)], Assert.Single(feature.Parts));
    }

    [Fact]
    public void Points_outside_the_buffered_box_are_dropped()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Points((-65, 10), (-64, 10), (4160, 4160), (4161, 0), (2048.4, 2048.6)))!;

        Assert.Equal(
            [new MvtPoint(-64, 10), new MvtPoint(4160, 4160), new MvtPoint(2048, 2049)],
            feature.Parts.SelectMany(p => p));
    }

    [Fact]
    public void Feature_entirely_outside_returns_false()
    {
        Assert.Null(TileHelper.RoundTrip(TileHelper.Polygons([TileHelper.Square(5000, 5000, 100)])));
        Assert.Null(TileHelper.RoundTrip(TileHelper.Lines([(-500, -500), (-500, 5000)])));
        Assert.Null(TileHelper.RoundTrip(TileHelper.Points((9000, 9000))));
    }

    [Fact]
    public void Polygon_around_a_corner_outside_the_box_vanishes()
    {
        // An L-shaped ring hugging the top-left corner from outside clips to a zero-area sliver on the border.
        MvtFeature? feature = TileHelper.RoundTrip(TileHelper.Polygons(
            [[(-500, -500), (3000, -500), (3000, -100), (-100, -100), (-100, 3000), (-500, 3000)]]));

        Assert.Null(feature);
    }
}
