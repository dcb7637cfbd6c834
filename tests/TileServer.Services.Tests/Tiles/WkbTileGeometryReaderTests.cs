namespace TileServer.Services.Tests.Tiles;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Services.Tiles;

public sealed class WkbTileGeometryReaderTests
{
    private static readonly TileCoordinate Tile = new(10, 843, 387);
    private static readonly GeometryFactory Factory = new();

    /// <summary>The longitude/latitude at a fraction of the tile, measured in Web Mercator from the top-left.</summary>
    private static Coordinate At(double fx, double fy)
    {
        var m = WebMercator.TileBoundsMeters(Tile);
        return new Coordinate(WebMercator.XToLongitude(m.MinX + fx * m.Width), WebMercator.YToLatitude(m.MaxY - fy * m.Height));
    }

    private static Polygon Rectangle(double from, double to) => Factory.CreatePolygon([
        At(from, to), At(to, to), At(to, from), At(from, from), At(from, to)]);

    private static Polygon TileSquare(double inset) => Rectangle(inset, 1 - inset);

    private static MvtFeature Encode(byte[] wkb)
    {
        var geometry = new MvtGeometry();
        Assert.True(WkbTileGeometryReader.TryRead(wkb, new TileTransform(Tile, 4096), geometry));
        var writer = new MvtTileWriter(new MvtEncodingOptions());
        writer.BeginLayer("t");
        Assert.True(writer.AddFeature(1, geometry, []));
        writer.EndLayer();
        return MvtReader.Read(writer.ToArray()).Layers[0].Features[0];
    }

    [Fact]
    public void Tile_corners_map_to_extent_corners_with_y_down()
    {
        var feature = Encode(new WKBWriter().Write(TileSquare(0)));
        Assert.Equal(MvtGeometryType.Polygon, feature.Type);
        var ring = feature.Parts[0];
        Assert.Contains(new MvtPoint(0, 0), ring);
        Assert.Contains(new MvtPoint(4096, 4096), ring);
        Assert.Contains(new MvtPoint(0, 4096), ring);
        Assert.Contains(new MvtPoint(4096, 0), ring);
    }

    [Fact]
    public void Big_endian_and_little_endian_wkb_give_the_same_tile_geometry()
    {
        var polygon = TileSquare(0.25);
        var little = Encode(new WKBWriter(ByteOrder.LittleEndian, false).Write(polygon));
        var big = Encode(new WKBWriter(ByteOrder.BigEndian, false).Write(polygon));
        Assert.Equal(little.Commands, big.Commands);
        Assert.Contains(new MvtPoint(1024, 1024), little.Parts[0]);
    }

    [Fact]
    public void Iso_z_and_ewkb_with_srid_are_read_as_2d()
    {
        var at = At(0.5, 0.25);
        var point3d = Factory.CreatePoint(new CoordinateZ(at.X, at.Y, 123.0));
        point3d.SRID = 4490;
        byte[] iso = new WKBWriter(ByteOrder.LittleEndian, false, true) { Strict = false }.Write(point3d);
        byte[] ewkb = new WKBWriter(ByteOrder.LittleEndian, true, true).Write(point3d);
        var a = Encode(iso);
        var e = Encode(ewkb);
        Assert.Equal(MvtGeometryType.Point, a.Type);
        Assert.Equal(new MvtPoint(2048, 1024), a.Parts[0][0]);
        Assert.Equal(a.Commands, e.Commands);
    }

    [Fact]
    public void Multipolygon_keeps_every_polygon_and_hole()
    {
        var outer = TileSquare(0.1);
        var hole = (LinearRing)TileSquare(0.3).ExteriorRing;
        var withHole = Factory.CreatePolygon((LinearRing)outer.ExteriorRing, [hole]);
        var small = Factory.CreatePolygon([At(0.45, 0.45), At(0.55, 0.45), At(0.55, 0.55), At(0.45, 0.45)]);
        var feature = Encode(new WKBWriter().Write(Factory.CreateMultiPolygon([withHole, small])));
        Assert.Equal(3, feature.Parts.Count);
    }

    [Fact]
    public void Truncated_or_empty_wkb_is_rejected()
    {
        byte[] wkb = new WKBWriter().Write(TileSquare(0.1));
        var geometry = new MvtGeometry();
        var transform = new TileTransform(Tile, 4096);
        Assert.False(WkbTileGeometryReader.TryRead(wkb.AsSpan(0, wkb.Length - 9), transform, geometry));
        Assert.False(WkbTileGeometryReader.TryRead([], transform, geometry));
        Assert.False(WkbTileGeometryReader.TryRead(new WKBWriter().Write(Polygon.Empty), transform, geometry));
    }
}
