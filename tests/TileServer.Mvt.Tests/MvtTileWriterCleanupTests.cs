using TileServer.Mvt.Tests.TestSupport;

namespace TileServer.Mvt.Tests;

/// <summary>Degenerate input, simplification and small-polygon removal.</summary>
public sealed class MvtTileWriterCleanupTests
{
    [Fact]
    public void Polygon_with_all_points_identical_is_dropped()
    {
        Assert.Null(TileHelper.RoundTrip(TileHelper.Polygons([[(5, 5), (5, 5), (5, 5), (5, 5)]])));
    }

    [Fact]
    public void Two_point_ring_is_dropped()
    {
        Assert.Null(TileHelper.RoundTrip(TileHelper.Polygons([[(5, 5), (50, 50), (5, 5)]])));
    }

    [Fact]
    public void Zero_area_sliver_is_dropped()
    {
        Assert.Null(TileHelper.RoundTrip(TileHelper.Polygons([[(0, 0), (10, 0), (20, 0), (10, 0)]])));
    }

    [Fact]
    public void Ring_collapsing_after_rounding_is_dropped()
    {
        Assert.Null(TileHelper.RoundTrip(TileHelper.Polygons([[(10.1, 10.1), (10.3, 10.2), (10.2, 10.4)]])));
    }

    [Fact]
    public void Line_with_identical_points_is_dropped()
    {
        Assert.Null(TileHelper.RoundTrip(TileHelper.Lines([(7, 7), (7.2, 6.9), (7, 7)])));
    }

    [Fact]
    public void Repeated_points_are_removed_after_rounding()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Lines([(0, 0), (0.2, 0.1), (10, 0), (10.4, 0), (10, 10)]))!;

        Assert.Equal([new MvtPoint(0, 0), new MvtPoint(10, 0), new MvtPoint(10, 10)], Assert.Single(feature.Parts));
        Assert.Empty(CommandStream.Violations(feature.Commands));
    }

    [Fact]
    public void Degenerate_hole_is_dropped_but_polygon_kept()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons(
            [TileHelper.Square(0, 0, 100), [(10, 10), (20, 10), (30, 10)]]))!;

        Assert.Single(feature.Parts);
    }

    [Fact]
    public void Hole_of_a_dropped_exterior_is_dropped()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons(
            [[(0, 0), (100, 0), (200, 0)], TileHelper.Square(10, 10, 20)],
            [TileHelper.Square(500, 500, 10)]))!;

        IReadOnlyList<MvtPoint> ring = Assert.Single(feature.Parts);
        Assert.Equal(new MvtPoint(500, 500), ring[0]);
    }

    [Fact]
    public void Simplification_reduces_a_dense_circle_but_keeps_a_ring()
    {
        const int vertexCount = 720;
        var circle = new (double X, double Y)[vertexCount];
        for (int i = 0; i < vertexCount; i++)
        {
            double angle = 2 * Math.PI * i / vertexCount;
            circle[i] = (2048 + (1000 * Math.Cos(angle)), 2048 + (1000 * Math.Sin(angle)));
        }

        MvtFeature exact = TileHelper.RoundTrip(TileHelper.Polygons([circle]))!;
        MvtFeature simplified = TileHelper.RoundTrip(TileHelper.Polygons([circle]), tolerance: 2)!;
        MvtFeature coarse = TileHelper.RoundTrip(TileHelper.Polygons([circle]), tolerance: 200)!;

        Assert.True(exact.Parts[0].Count > 600);
        Assert.InRange(simplified.Parts[0].Count, 4, exact.Parts[0].Count / 4);
        Assert.InRange(coarse.Parts[0].Count, 4, simplified.Parts[0].Count - 1);
        // The simplified ring still approximates the circle's area (π r² ≈ 3.14e6) within 2 %.
        Assert.InRange(TileHelper.TwiceArea(simplified.Parts[0]) / 2.0, Math.PI * 1e6 * 0.98, Math.PI * 1e6 * 1.02);
    }

    [Fact]
    public void Simplification_straightens_a_noisy_line_keeping_its_endpoints()
    {
        var line = new (double X, double Y)[200];
        for (int i = 0; i < line.Length; i++)
        {
            line[i] = (i * 10, 100 + (i % 2 == 0 ? 0.4 : -0.4));
        }

        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Lines(line), tolerance: 1)!;

        Assert.Equal([new MvtPoint(0, 100), new MvtPoint(1990, 100)], Assert.Single(feature.Parts));
    }

    [Fact]
    public void MinPolygonArea_drops_a_tiny_square_and_keeps_a_large_one()
    {
        Assert.Null(TileHelper.RoundTrip(TileHelper.Polygons([TileHelper.Square(10, 10, 2)]), minArea: 16));

        MvtFeature kept = TileHelper.RoundTrip(TileHelper.Polygons([TileHelper.Square(10, 10, 4)]), minArea: 16)!;
        Assert.Equal(2L * 16, TileHelper.TwiceArea(kept.Parts[0]));
    }

    [Fact]
    public void MinPolygonArea_drops_small_holes_and_small_members_of_a_multipolygon()
    {
        MvtFeature feature = TileHelper.RoundTrip(
            TileHelper.Polygons(
                [TileHelper.Square(0, 0, 100), TileHelper.Square(10, 10, 2), TileHelper.Square(50, 50, 20)],
                [TileHelper.Square(500, 500, 3)]),
            minArea: 10)!;

        Assert.Equal(2, feature.Parts.Count);
        Assert.Equal(2L * 100 * 100, TileHelper.TwiceArea(feature.Parts[0]));
        Assert.Equal(-2L * 20 * 20, TileHelper.TwiceArea(feature.Parts[1]));
    }
}
