namespace TileServer.Services.Tests.Seeding;

using TileServer.Core.Geometry;
using TileServer.Core.Tiling;
using TileServer.Services.Seeding;

public sealed class SeedTileListTests
{
    [Fact]
    public void Lists_every_tile_of_the_limits_once_and_counts_them()
    {
        var box = new BoundingBox(111.3564, 42.9648, 112.4443, 43.8018); // 二连浩特市
        var list = new SeedTileList(TileMatrixSets.WebMercatorQuad, box, 10, 12);

        var tiles = list.Tiles().ToList();

        Assert.Equal(list.Count, tiles.Count);
        Assert.Equal(tiles.Count, tiles.Distinct().Count());
        Assert.Equal([10, 11, 12], tiles.Select(t => t.Zoom).Distinct());
        foreach (var tile in tiles)
        {
            Assert.Contains(list.Limits, l => l.Contains(tile));
        }
    }

    [Fact]
    public void Zoom_zero_is_the_single_world_tile()
    {
        var list = new SeedTileList(TileMatrixSets.WebMercatorQuad, new BoundingBox(100, 20, 120, 40), 0, 0);

        Assert.Equal([new TileCoordinate(0, 0, 0)], list.Tiles());
    }
}
