namespace TileServer.Core.Tests.Crs;

using TileServer.Core.Crs;
using TileServer.Core.Tiling;

public sealed class CrsRegistryTests
{
    [Theory]
    [InlineData("EPSG:4490", "4490", CrsForm.Short, CrsAxisOrder.EastNorth)]
    [InlineData("epsg:4490", "4490", CrsForm.Short, CrsAxisOrder.EastNorth)]
    [InlineData("urn:ogc:def:crs:EPSG::4490", "4490", CrsForm.Urn, CrsAxisOrder.NorthEast)]
    [InlineData("urn:ogc:def:crs:EPSG:9.8.15:4490", "4490", CrsForm.Urn, CrsAxisOrder.NorthEast)]
    [InlineData("urn:x-ogc:def:crs:EPSG:4326", "4326", CrsForm.Urn, CrsAxisOrder.NorthEast)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4490", "4490", CrsForm.Uri, CrsAxisOrder.NorthEast)]
    [InlineData("https://www.opengis.net/def/crs/EPSG/0/4326", "4326", CrsForm.Uri, CrsAxisOrder.NorthEast)]
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#4490", "4490", CrsForm.Short, CrsAxisOrder.EastNorth)]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "CRS84", CrsForm.Uri, CrsAxisOrder.EastNorth)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", "CRS84", CrsForm.Urn, CrsAxisOrder.EastNorth)]
    [InlineData("CRS84", "CRS84", CrsForm.Short, CrsAxisOrder.EastNorth)]
    [InlineData("urn:ogc:def:crs:EPSG::3857", "3857", CrsForm.Urn, CrsAxisOrder.EastNorth)]
    [InlineData("urn:ogc:def:crs:EPSG::4549", "4549", CrsForm.Urn, CrsAxisOrder.NorthEast)]
    [InlineData("EPSG:4549", "4549", CrsForm.Short, CrsAxisOrder.EastNorth)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4528", "4528", CrsForm.Uri, CrsAxisOrder.NorthEast)]
    public void Parses_every_form_with_the_axis_order_that_form_implies(string text, string code, CrsForm form, CrsAxisOrder order)
    {
        Assert.True(CrsRegistry.TryParse(text, out var reference));
        Assert.Equal(code, reference.Crs.Code);
        Assert.Equal(form, reference.Form);
        Assert.Equal(order, reference.AxisOrder);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EPSG:")]
    [InlineData("EPSG:999999")]
    [InlineData("EPSG:4512")]
    [InlineData("EPSG:4555")]
    [InlineData("urn:ogc:def:crs:EPSG")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/4490")]
    [InlineData("EPSG:4490:1")]
    [InlineData("4490")]
    public void Rejects_unknown_and_malformed_names(string? text) => Assert.False(CrsRegistry.TryParse(text, out _));

    [Fact]
    public void Names_are_written_back_in_the_form_the_client_used()
    {
        Assert.True(CrsRegistry.TryParse("urn:ogc:def:crs:EPSG:6.3:4549", out var urn));
        Assert.True(CrsRegistry.TryParse("EPSG:4549", out var shortForm));
        Assert.Equal("urn:ogc:def:crs:EPSG::4549", urn.Name);
        Assert.Equal("EPSG:4549", shortForm.Name);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4549", urn.Crs.Uri);
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", CrsRegistry.Crs84.Uri);
    }

    [Fact]
    public void Lists_the_storage_crs_first_and_all_42_gauss_kruger_crss()
    {
        Assert.Same(CrsRegistry.Cgcs2000, CrsRegistry.All[0]);
        Assert.Equal(4 + 42, CrsRegistry.All.Count);
        Assert.Equal("CGCS2000 / 3-degree Gauss-Kruger zone 25", CrsRegistry.FindEpsg(4513)!.Name);
        Assert.Equal("CGCS2000 / 3-degree Gauss-Kruger CM 135E", CrsRegistry.FindEpsg(4554)!.Name);
        Assert.Null(CrsRegistry.FindEpsg(4555));
    }

    [Theory]
    [InlineData(118.7, 4549)] // 平泉: zone 40, CM 120°E
    [InlineData(111.98, 4546)] // 二连浩特: zone 37, CM 111°E
    [InlineData(122.26, 4550)] // 科尔沁区: zone 41, CM 123°E
    [InlineData(126.42, 4551)] // 浑江区: zone 42, CM 126°E
    [InlineData(121.5, 4550)] // a zone's western edge belongs to it
    public void Picks_the_zone_of_a_longitude(double longitude, int epsg) =>
        Assert.Equal(epsg, CrsRegistry.GaussKrugerFor(longitude).EpsgCode);
}
