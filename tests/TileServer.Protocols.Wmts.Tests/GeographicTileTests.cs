namespace TileServer.Protocols.Wmts.Tests;

using TileServer.Tests.Shared;
using System.Globalization;
using TileServer.Core.Tiling;
using TileServer.Services.Raster;

/// <summary>Plate carrée tiles (CGCS2000Quad, WorldCRS84Quad) drawn through the Web Mercator renderer by the
/// warp: a pixel is inside the sample square exactly when its longitude/latitude is.</summary>
public sealed class GeographicTileTests
{
    [Theory]
    [InlineData("CGCS2000Quad", 8, 8)]
    [InlineData("WorldCRS84Quad", 7, 8)]
    public void The_proxy_is_the_equal_scale_web_mercator_tile_with_the_same_indices(string set, int level, int proxyZoom)
    {
        var grid = TileMatrixSets.Get(set);
        var tile = grid.TileAtLonLat(118.7, 41.0, level);
        var warp = new GeographicTileWarp(grid, tile);
        Assert.Equal(new TileCoordinate(proxyZoom, tile.Column, tile.Row), warp.ProxyTile);
        // The tile's corners land on the proxy tile's corners.
        var proxy = WebMercator.TileBoundsDegrees(warp.ProxyTile);
        Assert.Equal(proxy.MinX, warp.Longitude(warp.Bounds.MinX), 9);
        Assert.Equal(proxy.MaxY, warp.Latitude(warp.Bounds.MaxY), 9);
        Assert.Equal(proxy.MinY, warp.Latitude(warp.Bounds.MinY), 9);
    }

    [Theory]
    [InlineData("CGCS2000Quad", 8)]
    [InlineData("WorldCRS84Quad", 7)]
    public async Task Pixels_are_linear_in_longitude_and_latitude(string set, int level)
    {
        var grid = TileMatrixSets.Get(set);
        var tile = grid.TileAtLonLat(118.7, 41.0, level);
        var bounds = grid.TileBounds(tile);
        double cell = grid.GetMatrix(level).CellSize;
        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        var context = WmtsTestData.Context("", path: "/wmts/1.0.0/xzq/xzq");
        var result = await WmtsEndpoints.HandleRestTileAsync(context, "xzq", "xzq", set, Text(level), Text(tile.Row), Text(tile.Column));
        await result.ExecuteAsync(context);
        Assert.Equal(200, context.Response.StatusCode);
        var pixels = PngPixels.Decode(WmtsTestData.Body(context));

        var extent = WmtsTestData.Extent;
        int left = (int)Math.Round((extent.MinX - bounds.MinX) / cell);
        int right = (int)Math.Round((extent.MaxX - bounds.MinX) / cell);
        int top = (int)Math.Round((bounds.MaxY - extent.MaxY) / cell);
        int bottom = (int)Math.Round((bounds.MaxY - extent.MinY) / cell);
        // Two pixels in from each edge is fill; two pixels out is empty (the 1.2 px outline lies between).
        Assert.Equal(255, pixels.At(Clamp((left + right) / 2), Clamp((top + bottom) / 2)).R);
        foreach (var (x, y, inside) in new[]
        {
            (left + 2, (top + bottom) / 2, true), (left - 2, (top + bottom) / 2, false),
            (right - 2, (top + bottom) / 2, true), (right + 2, (top + bottom) / 2, false),
            ((left + right) / 2, top + 2, true), ((left + right) / 2, top - 2, false),
            ((left + right) / 2, bottom - 2, true), ((left + right) / 2, bottom + 2, false),
        })
        {
            if (x is < 0 or > 255 || y is < 0 or > 255)
            {
                continue;
            }

            Assert.True(inside == pixels.At(x, y).A > 0, $"pixel {x},{y} of {set} {tile}: expected inside={inside}");
        }
    }

    private static int Clamp(int value) => Math.Clamp(value, 0, 255);
}
