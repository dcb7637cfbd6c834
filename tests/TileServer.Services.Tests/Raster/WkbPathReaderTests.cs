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
    private static readonly MercatorPixelProjection Pixels = new(Tile, 256);

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

    [Fact]
    public void Vertices_snap_to_a_sixteenth_of_a_pixel_and_repeats_collapse()
    {
        // 1,000 vertices along one degree, about 1.4 pixels at zoom 1.
        var coordinates = Enumerable.Range(0, 1000).Select(i => new Coordinate(10 + (i * 0.001), 10 + (i * 0.0005)))
            .Append(new Coordinate(11, 12)).Append(new Coordinate(10, 10)).ToArray();
        var path = new VectorPath();
        Assert.True(WkbPathReader.TryRead(new WKBWriter().Write(new Polygon(new LinearRing(coordinates))), Pixels, path, out _));

        Assert.InRange(path.PointCount, 3, 40);
        for (var i = 0; i < path.PointCount; i++)
        {
            var (x, y) = path.PointAt(i);
            Assert.Equal(0, (x * 16) % 1);
            Assert.Equal(0, (y * 16) % 1);
        }
    }

    [Fact]
    public void A_shared_edge_snaps_identically_whichever_way_each_ring_runs_it()
    {
        // Neighbours A (north) and B (south) share a wiggly edge, A running it west to east, B east to west.
        Coordinate[] edge = [new(-100, 0), new(-99.99, 0.004), new(-99.5, 0.02), new(-99.49, 0.0), new(-98, 0.3), new(-97, 0)];
        var a = edge.Concat([new Coordinate(-97, 5), new Coordinate(-100, 5), edge[0]]).ToArray();
        var b = edge.Reverse().Concat([new Coordinate(-100, -5), new Coordinate(-97, -5), edge[^1]]).ToArray();
        var writer = new WKBWriter();
        var pathA = new VectorPath();
        var pathB = new VectorPath();
        Assert.True(WkbPathReader.TryRead(writer.Write(new Polygon(new LinearRing(a))), Pixels, pathA, out _));
        Assert.True(WkbPathReader.TryRead(writer.Write(new Polygon(new LinearRing(b))), Pixels, pathB, out _));

        var onEdgeA = EdgePoints(pathA);
        var onEdgeB = EdgePoints(pathB);
        onEdgeB.Reverse();
        Assert.True(onEdgeA.Count >= 3, $"{onEdgeA.Count} edge vertices");
        Assert.Equal(onEdgeA, onEdgeB);
    }

    /// <summary>The path's vertices that lie on the shared edge (the equator, the bottom edge y = 256 of tile 1/0/0).</summary>
    private static List<(double X, double Y)> EdgePoints(VectorPath path)
    {
        var points = new List<(double X, double Y)>();
        for (var i = 0; i < path.PointCount; i++)
        {
            var point = path.PointAt(i);
            if (Math.Abs(point.Y - 256) < 1 && !points.Contains(point))
            {
                points.Add(point);
            }
        }

        return points;
    }
}
