namespace TileServer.Core.Tests.Crs;

using NetTopologySuite.Geometries;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;

public sealed class RequestGeometryTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void A_latitude_first_form_is_swapped_to_east_north_and_an_east_first_form_is_left_alone()
    {
        var written = Factory.CreatePoint(new Coordinate(41.01, 118.70));
        Assert.True(CrsRegistry.TryParse("urn:ogc:def:crs:EPSG::4490", out var urn));
        Assert.True(CrsRegistry.TryParse("EPSG:4490", out var shortForm));

        var swapped = (Point)RequestGeometry.EastNorth(written, urn);

        Assert.Equal((118.70, 41.01), (swapped.X, swapped.Y));
        Assert.Equal((41.01, 118.70), (written.X, written.Y)); // The client's geometry is not changed.
        Assert.Same(written, RequestGeometry.EastNorth(written, shortForm));
    }

    [Fact]
    public void A_gauss_kruger_point_comes_back_as_longitude_latitude_and_one_far_outside_its_zone_is_refused()
    {
        var zone = CrsRegistry.FindEpsg(4549)!; // CGCS2000 / 3-degree Gauss-Kruger CM 120E.
        var near = Factory.CreatePoint(new Coordinate(440_000, 4_540_000));
        var far = Factory.CreatePoint(new Coordinate(90_000_000, 4_540_000));

        Assert.True(RequestGeometry.TryToStorage(near, zone, out var storage));
        var point = (Point)storage;
        Assert.InRange(point.X, 119.0, 119.5);
        Assert.InRange(point.Y, 40.9, 41.1);
        Assert.False(RequestGeometry.TryToStorage(far, zone, out _));
    }

    [Fact]
    public void The_filter_carries_the_geometry_and_its_envelope()
    {
        var box = Factory.ToGeometry(new Envelope(118.6, 118.8, 40.9, 41.1));

        var filter = RequestGeometry.Filter(SpatialOperator.Intersects, box);

        Assert.Equal(SpatialOperator.Intersects, filter.Operator);
        Assert.Equal((118.6, 40.9, 118.8, 41.1), (filter.Envelope.MinX, filter.Envelope.MinY, filter.Envelope.MaxX, filter.Envelope.MaxY));
        Assert.Equal(box, new NetTopologySuite.IO.WKBReader().Read(filter.Wkb.ToArray()));
    }
}
