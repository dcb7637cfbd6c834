namespace TileServer.Services.Tests.Raster;

using TileServer.Core.Tiling;
using TileServer.Services.Raster;

public sealed class MercatorPixelProjectionTests
{
    /// <summary>The series for y near the tile must agree with the exact Web Mercator formula far below the
    /// 1/16-pixel vertex grid, across zooms and latitudes, inside the window and beyond it.</summary>
    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(16)]
    [InlineData(18)]
    public void Rows_match_the_exact_projection(int zoom)
    {
        var worst = 0.0;
        foreach (var latitude in new[] { -84.0, -60.5, -23.4, 0.1, 18.2, 41.01, 53.5, 70.3, 84.9 })
        {
            var tile = WebMercator.TileAt(118.7, latitude, zoom);
            var projection = new MercatorPixelProjection(tile, 256);
            var bounds = WebMercator.TileBoundsMeters(tile);
            var scale = 256 / bounds.Width;
            for (var row = -700; row <= 956; row += 3)
            {
                // A latitude every 3 pixels from 2.7 tiles above to 2.7 tiles below: series and exact branches.
                var y = bounds.MaxY - ((row + 0.37) / scale);
                var lat = WebMercator.YToLatitude(y);
                var exact = (bounds.MaxY - WebMercator.LatitudeToY(lat)) * scale;
                worst = Math.Max(worst, Math.Abs(projection.Y(lat) - exact));
            }

            Assert.Equal((WebMercator.LongitudeToX(118.7) - bounds.MinX) * scale, projection.X(118.7), 9);
        }

        Assert.True(worst < 1e-5, $"worst row error {worst} px at zoom {zoom}");
    }
}
