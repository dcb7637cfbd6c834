using TileServer.Mvt.Tests.TestSupport;

namespace TileServer.Mvt.Tests;

public sealed class MvtGeometryTests
{
    [Fact]
    public void Reset_clears_points_and_sets_the_type()
    {
        var geometry = new MvtGeometry();
        geometry.Reset(MvtGeometryType.LineString);
        geometry.AddPoint(1, 2);
        geometry.AddPoint(3, 4);
        Assert.Equal(2, geometry.PointCount);

        geometry.Reset(MvtGeometryType.Point);

        Assert.Equal(0, geometry.PointCount);
        Assert.Equal(MvtGeometryType.Point, geometry.Type);
    }

    [Fact]
    public void Grows_beyond_its_initial_capacity()
    {
        var geometry = new MvtGeometry(MvtGeometryType.LineString);
        for (int i = 0; i < 1000; i++)
        {
            geometry.AddPoint(i, i % 7);
        }

        Assert.Equal(1000, geometry.PointCount);
        MvtFeature feature = TileHelper.RoundTrip(geometry)!;
        Assert.Equal(new MvtPoint(999, 999 % 7), feature.Parts[0][^1]);
    }

    [Fact]
    public void Rejects_points_before_a_type_and_non_finite_coordinates()
    {
        Assert.Throws<InvalidOperationException>(() => new MvtGeometry().AddPoint(1, 1));
        var geometry = new MvtGeometry(MvtGeometryType.Point);
        Assert.Throws<ArgumentOutOfRangeException>(() => geometry.AddPoint(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => geometry.AddPoint(1, double.PositiveInfinity));
        Assert.Throws<InvalidOperationException>(geometry.BeginPolygon);
    }

    [Fact]
    public void Rings_without_BeginPolygon_are_one_exterior_followed_by_holes()
    {
        var geometry = new MvtGeometry(MvtGeometryType.Polygon);
        geometry.BeginPart();
        foreach (var (x, y) in TileHelper.Square(0, 0, 100))
        {
            geometry.AddPoint(x, y);
        }

        geometry.BeginPart();
        foreach (var (x, y) in TileHelper.Square(10, 10, 10))
        {
            geometry.AddPoint(x, y);
        }

        MvtFeature feature = TileHelper.RoundTrip(geometry)!;

        Assert.Equal(2, feature.Parts.Count);
        Assert.True(TileHelper.TwiceArea(feature.Parts[0]) > 0);
        Assert.True(TileHelper.TwiceArea(feature.Parts[1]) < 0);
    }

    [Fact]
    public void BeginPart_right_after_BeginPolygon_does_not_demote_the_exterior()
    {
        var geometry = new MvtGeometry(MvtGeometryType.Polygon);
        for (int polygon = 0; polygon < 2; polygon++)
        {
            geometry.BeginPolygon();
            geometry.BeginPart();
            foreach (var (x, y) in TileHelper.Square(polygon * 200, 0, 100))
            {
                geometry.AddPoint(x, y);
            }
        }

        MvtFeature feature = TileHelper.RoundTrip(geometry)!;

        Assert.Equal(2, feature.Parts.Count);
        Assert.All(feature.Parts, ring => Assert.True(TileHelper.TwiceArea(ring) > 0));
    }
}
