namespace TileServer.Services.Tests.FeatureInfo;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Services.FeatureInfo;

/// <summary>The exact test behind GetFeatureInfo: polygons must cover the pixel centre (boundary included,
/// holes excluded); lines and points only need to meet the tolerance box.</summary>
public sealed class FeatureInfoHitTests
{
    private static readonly WKTReader Reader = new();
    private static readonly GeometryFactory Factory = new();

    private static bool Hits(string wkt, double x, double y, double tolerance = 0.01)
    {
        var box = Factory.ToGeometry(new Envelope(x - tolerance, x + tolerance, y - tolerance, y + tolerance));
        return FeatureInfoService.Hits(Reader.Read(wkt), Factory.CreatePoint(new Coordinate(x, y)), box);
    }

    [Theory]
    [InlineData(0.5, 0.5, true)]
    [InlineData(1.0, 0.5, true)] // on the shared edge: covered by both neighbours
    [InlineData(1.005, 0.5, false)] // inside the tolerance but outside the polygon
    [InlineData(0.5, 0.5001, true)]
    public void A_polygon_hits_only_where_it_covers_the_point(double x, double y, bool expected) =>
        Assert.Equal(expected, Hits("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", x, y));

    [Fact]
    public void A_hole_is_not_part_of_the_polygon() =>
        Assert.False(Hits("MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 3 1, 3 3, 1 3, 1 1)))", 2, 2));

    [Theory]
    [InlineData(0.5, 0.005, true)]
    [InlineData(0.5, 0.02, false)]
    public void A_line_hits_within_the_tolerance_box(double x, double y, bool expected) =>
        Assert.Equal(expected, Hits("LINESTRING (0 0, 1 0)", x, y));

    [Fact]
    public void An_empty_geometry_never_hits() => Assert.False(Hits("POLYGON EMPTY", 0, 0));
}
