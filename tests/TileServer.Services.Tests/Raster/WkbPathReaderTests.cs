namespace TileServer.Services.Tests.Raster;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Tiling;
using TileServer.Rendering;
using TileServer.Services.Raster;
using TileServer.Services.Tiles;

public sealed class WkbPathReaderTests
{
    private static readonly TileCoordinate Tile = new(1, 0, 0);
    private static readonly TileTransform Pixels = new(Tile, 256);

    [Fact]
    public void Multipolygon_rings_become_closed_subpaths_in_tile_pixels()
    {
        var reader = new WKTReader();
        var geometry = reader.Read("MULTIPOLYGON(((-180 0, -90 0, -90 45, -180 0)), ((-170 10, -160 10, -160 20, -170 10), (-169 11, -161 11, -161 19, -169 11)))");
        var path = new VectorPath();

        Assert.True(WkbPathReader.TryRead(new WKBWriter().Write(geometry), Pixels, path, out bool polygonal));
        Assert.True(polygonal);
        Assert.Equal(3, path.SubpathCount);
        Assert.Equal(12, path.PointCount);
    }

    [Fact]
    public void Lines_are_not_polygonal_and_points_and_garbage_are_rejected()
    {
        var writer = new WKBWriter();
        var path = new VectorPath();
        Assert.True(WkbPathReader.TryRead(writer.Write(new WKTReader().Read("LINESTRING(0 0, 10 10)")), Pixels, path, out bool polygonal));
        Assert.False(polygonal);
        Assert.False(WkbPathReader.TryRead(writer.Write(new Point(1, 1)), Pixels, path, out _));
        Assert.False(WkbPathReader.TryRead([1, 3, 0, 0, 0, 1, 0, 0, 0, 200], Pixels, path, out _));
        Assert.Equal(0, path.PointCount);
    }
}
