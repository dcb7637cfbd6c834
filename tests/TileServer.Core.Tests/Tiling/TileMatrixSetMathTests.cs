namespace TileServer.Core.Tests.Tiling;

using TileServer.Core.Geometry;
using TileServer.Core.Tiling;

public sealed class TileMatrixSetMathTests
{
    public static TheoryData<string> SetIds => new() { "WebMercatorQuad", "WorldCRS84Quad", "CGCS2000Quad" };

    [Theory]
    [MemberData(nameof(SetIds))]
    public void TileAt_and_TileBounds_round_trip_at_every_level(string id)
    {
        TileMatrixSet set = TileMatrixSets.Get(id);
        double[][] points = [[118.70, 41.01], [126.42, 41.94], [111.98, 43.65], [-179.9, -84.9], [179.9, 84.9], [0.0, 0.0]];
        for (int zoom = set.MinZoom; zoom <= set.MaxZoom; zoom++)
        {
            foreach (double[] p in points)
            {
                TileCoordinate tile = set.TileAtLonLat(p[0], p[1], zoom);
                Assert.True(set.IsValid(tile));
                (double x, double y) = set.FromLonLat(p[0], p[1]);
                BoundingBox bounds = set.TileBounds(tile);
                Assert.True(bounds.MinX <= x && x < bounds.MaxX && bounds.MinY < y && y <= bounds.MaxY, $"{id} {tile} {bounds} vs {x},{y}");
                TileCoordinate centre = set.TileAt((bounds.MinX + bounds.MaxX) / 2, (bounds.MinY + bounds.MaxY) / 2, zoom);
                Assert.Equal(tile, centre);
            }
        }
    }

    [Fact]
    public void Tiles_of_WebMercatorQuad_match_the_existing_WebMercator_helper()
    {
        var tile = new TileCoordinate(12, 3398, 1536);
        BoundingBox expected = WebMercator.TileBoundsMeters(tile);
        BoundingBox actual = TileMatrixSets.WebMercatorQuad.TileBounds(tile);
        // The helper derives the bottom edge as top − size; we use origin − (row+1)·size: nanometres apart.
        Assert.Equal(expected.MinX, actual.MinX, 1e-6);
        Assert.Equal(expected.MinY, actual.MinY, 1e-6);
        Assert.Equal(expected.MaxX, actual.MaxX, 1e-6);
        Assert.Equal(expected.MaxY, actual.MaxY, 1e-6);
        Assert.Equal(WebMercator.TileAt(118.7, 41.01, 15), TileMatrixSets.WebMercatorQuad.TileAtLonLat(118.7, 41.01, 15));
    }

    [Fact]
    public void Points_on_tile_edges_belong_to_the_tile_right_and_below_and_world_edges_clamp()
    {
        TileMatrixSet set = TileMatrixSets.Cgcs2000Quad;
        Assert.Equal(new TileCoordinate(1, 1, 0), set.TileAt(0, 0, 1));
        Assert.Equal(new TileCoordinate(2, 2, 1), set.TileAt(0, 0, 2));
        Assert.Equal(new TileCoordinate(2, 3, 1), set.TileAt(180, -90, 2));
        Assert.Equal(new TileCoordinate(2, 0, 0), set.TileAt(-180, 90, 2));
        Assert.Equal(new TileCoordinate(2, 3, 1), set.TileAt(500, -500, 2));
        Assert.Equal(new TileCoordinate(3, 0, 0), TileMatrixSets.WebMercatorQuad.TileAtLonLat(-180, 89.9, 3));
    }

    [Fact]
    public void TileBounds_rejects_tiles_outside_the_matrix()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TileMatrixSets.Cgcs2000Quad.TileBounds(new TileCoordinate(1, 0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TileMatrixSets.Cgcs2000Quad.TileBounds(new TileCoordinate(0, 0, 0)));
        Assert.False(TileMatrixSets.WebMercatorQuad.IsValid(new TileCoordinate(25, 0, 0)));
    }

    [Fact]
    public void Limits_cover_the_box_and_ignore_edges_touched_exactly()
    {
        TileMatrixSet set = TileMatrixSets.Cgcs2000Quad;
        // Level 3: tiles 45° wide. A box from 90E to 135E, 0N to 45N is exactly one tile.
        TileMatrixLimits exact = set.LimitsFor(new BoundingBox(90, 0, 135, 45), 3);
        Assert.Equal(new TileMatrixLimits("3", 3, 1, 1, 6, 6), exact);
        TileMatrixLimits wider = set.LimitsFor(new BoundingBox(89.9, -0.1, 135.1, 45.1), 3);
        Assert.Equal(new TileMatrixLimits("3", 3, 0, 2, 5, 7), wider);
        TileMatrixLimits point = set.LimitsFor(new BoundingBox(118.7, 41.0, 118.7, 41.0), 10);
        Assert.Equal(1, point.TileCount);
        Assert.True(point.Contains(set.TileAtLonLat(118.7, 41.0, 10)));
    }

    [Theory]
    [MemberData(nameof(SetIds))]
    public void Limits_of_the_whole_world_clamp_to_the_matrix(string id)
    {
        TileMatrixSet set = TileMatrixSets.Get(id);
        foreach (TileMatrixLimits limits in set.LimitsFor(new BoundingBox(-200, -100, 200, 100), 0, 30))
        {
            TileMatrix matrix = set.GetMatrix(limits.Zoom);
            Assert.Equal((0, matrix.MatrixHeight - 1, 0, matrix.MatrixWidth - 1), (limits.MinRow, limits.MaxRow, limits.MinColumn, limits.MaxColumn));
        }

        Assert.Equal(set.MaxZoom - set.MinZoom + 1, set.LimitsFor(new BoundingBox(-1, -1, 1, 1), 0, 30).Count);
    }

    [Fact]
    public void Limits_for_pingquan_contain_every_tile_its_corners_fall_in()
    {
        var pingquan = new BoundingBox(118.3, 40.7, 119.2, 41.4);
        foreach (TileMatrixSet set in TileMatrixSets.All)
        {
            foreach (TileMatrixLimits limits in set.LimitsFor(pingquan, 0, 18))
            {
                Assert.True(limits.Contains(set.TileAtLonLat(pingquan.MinX, pingquan.MinY, limits.Zoom)));
                Assert.True(limits.Contains(set.TileAtLonLat(pingquan.MaxX, pingquan.MaxY, limits.Zoom)));
                Assert.Equal(limits.TileCount,
                    (long)(set.TileAtLonLat(pingquan.MinX, pingquan.MinY, limits.Zoom).Row - set.TileAtLonLat(pingquan.MaxX, pingquan.MaxY, limits.Zoom).Row + 1) *
                    (set.TileAtLonLat(pingquan.MaxX, pingquan.MaxY, limits.Zoom).Column - set.TileAtLonLat(pingquan.MinX, pingquan.MinY, limits.Zoom).Column + 1));
            }
        }
    }

    [Fact]
    public void Cgcs2000_tile_covers_exactly_the_tianditu_c_tile_with_the_same_indices()
    {
        TileMatrixSet set = TileMatrixSets.Cgcs2000Quad;
        for (int z = 1; z <= 18; z++)
        {
            // Tianditu c: 2^z × 2^(z-1) tiles, each 180/2^(z-1) degrees, counted from (-180, 90).
            double size = 180.0 / Math.Pow(2, z - 1);
            long columns = 1L << z;
            long rows = 1L << (z - 1);
            foreach ((long col, long row) in new[] { (0L, 0L), (columns - 1, rows - 1), (columns / 2, rows / 2), ((long)((118.7 + 180) / size), (long)((90 - 41.0) / size)) })
            {
                var expected = new BoundingBox(-180 + (col * size), 90 - ((row + 1) * size), -180 + ((col + 1) * size), 90 - (row * size));
                Assert.Equal(expected, set.TileBounds(new TileCoordinate(z, (int)col, (int)row)));
            }

            TileMatrix matrix = set.GetMatrix(z);
            Assert.Equal((columns, rows), ((long)matrix.MatrixWidth, (long)matrix.MatrixHeight));
        }
    }
}
