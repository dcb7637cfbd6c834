namespace TileServer.Core.Tests.Tiling;

using TileServer.Core.Tiling;

public sealed class WebMercatorTests
{
    [Fact]
    public void Zoom_zero_tile_covers_the_whole_projected_world()
    {
        var bounds = WebMercator.TileBoundsMeters(new TileCoordinate(0, 0, 0));
        Assert.Equal(-20037508.342789244, bounds.MinX, 6);
        Assert.Equal(20037508.342789244, bounds.MaxY, 6);
        Assert.Equal(bounds.Width, bounds.Height, 6);
        var degrees = WebMercator.TileBoundsDegrees(new TileCoordinate(0, 0, 0));
        Assert.Equal(-180, degrees.MinX, 9);
        Assert.Equal(180, degrees.MaxX, 9);
        Assert.Equal(WebMercator.MaxLatitude, degrees.MaxY, 9);
        Assert.Equal(-WebMercator.MaxLatitude, degrees.MinY, 9);
    }

    [Theory]
    [InlineData(118.70, 41.01, 12)]
    [InlineData(-179.999, -85.0, 5)]
    [InlineData(179.999, 85.0, 18)]
    [InlineData(0.0, 0.0, 1)]
    public void TileAt_returns_the_tile_whose_bounds_hold_the_point(double lon, double lat, int zoom)
    {
        var tile = WebMercator.TileAt(lon, lat, zoom);
        Assert.True(WebMercator.IsValid(tile));
        var bounds = WebMercator.TileBoundsDegrees(tile);
        Assert.True(bounds.Contains(lon, lat), $"{tile} {bounds} does not contain {lon},{lat}");
    }

    [Fact]
    public void Points_beyond_the_world_edges_clamp_to_edge_tiles()
    {
        Assert.Equal(new TileCoordinate(3, 7, 0), WebMercator.TileAt(180, 89.9, 3));
        Assert.Equal(new TileCoordinate(3, 0, 7), WebMercator.TileAt(-180, -89.9, 3));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(41.0123456789)]
    [InlineData(-85.0)]
    [InlineData(85.05)]
    public void Latitude_round_trips_through_projection(double latitude)
    {
        Assert.Equal(latitude, WebMercator.YToLatitude(WebMercator.LatitudeToY(latitude)), 10);
    }

    [Fact]
    public void Adjacent_tiles_share_edges_exactly()
    {
        var left = WebMercator.TileBoundsMeters(new TileCoordinate(14, 13592, 6155));
        var right = WebMercator.TileBoundsMeters(new TileCoordinate(14, 13593, 6155));
        var below = WebMercator.TileBoundsMeters(new TileCoordinate(14, 13592, 6156));
        Assert.Equal(left.MaxX, right.MinX, 6);
        Assert.Equal(left.MinY, below.MaxY, 6);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(2, 4, 0)]
    [InlineData(2, 0, 4)]
    [InlineData(31, 0, 0)]
    public void Invalid_tiles_are_rejected(int z, int x, int y) => Assert.False(WebMercator.IsValid(new TileCoordinate(z, x, y)));

    [Fact]
    public void Resolution_halves_with_each_zoom()
    {
        Assert.Equal(156543.03392804097, WebMercator.Resolution(0), 6);
        Assert.Equal(WebMercator.Resolution(11) / 2, WebMercator.Resolution(12), 9);
    }
}
