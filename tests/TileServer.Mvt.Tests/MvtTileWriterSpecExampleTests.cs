using TileServer.Mvt.Tests.TestSupport;

namespace TileServer.Mvt.Tests;

/// <summary>The worked command-encoding examples of MVT 2.1 §4.3.5, encoded with no clipping or simplification effect.</summary>
public sealed class MvtTileWriterSpecExampleTests
{
    [Fact]
    public void Point_matches_spec_4_3_5_1()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Points((25, 17)))!;

        Assert.Equal(MvtGeometryType.Point, feature.Type);
        Assert.Equal([9u, 50, 34], feature.Commands);
    }

    [Fact]
    public void MultiPoint_matches_spec_4_3_5_2()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Points((5, 7), (3, 2)))!;

        Assert.Equal([17u, 10, 14, 3, 9], feature.Commands);
        Assert.Equal([new MvtPoint(5, 7), new MvtPoint(3, 2)], feature.Parts.SelectMany(p => p));
    }

    [Fact]
    public void LineString_matches_spec_4_3_5_3()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Lines([(2, 2), (2, 10), (10, 10)]))!;

        Assert.Equal(MvtGeometryType.LineString, feature.Type);
        Assert.Equal([9u, 4, 4, 18, 0, 16, 16, 0], feature.Commands);
    }

    [Fact]
    public void MultiLineString_matches_spec_4_3_5_4()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Lines(
            [(2, 2), (2, 10), (10, 10)],
            [(1, 1), (3, 5)]))!;

        Assert.Equal([9u, 4, 4, 18, 0, 16, 16, 0, 9, 17, 17, 10, 4, 8], feature.Commands);
        Assert.Equal(2, feature.Parts.Count);
    }

    [Fact]
    public void Polygon_matches_spec_4_3_5_5()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons([[(3, 6), (8, 12), (20, 34), (3, 6)]]))!;

        Assert.Equal(MvtGeometryType.Polygon, feature.Type);
        Assert.Equal([9u, 6, 12, 18, 10, 12, 24, 44, 15], feature.Commands);
    }

    [Fact]
    public void MultiPolygon_with_hole_matches_spec_4_3_5_6()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons(
            [[(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]],
            [
                [(11, 11), (20, 11), (20, 20), (11, 20), (11, 11)],
                [(13, 13), (13, 17), (17, 17), (17, 13), (13, 13)],
            ]))!;

        Assert.Equal(
            [9u, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15, 9, 22, 2, 26, 18, 0, 0, 18, 17, 0, 15, 9, 4, 13, 26, 0, 8, 8, 0, 0, 7, 15],
            feature.Commands);
        Assert.Equal(3, feature.Parts.Count);
    }
}
