namespace TileServer.Protocols.Wmts.Tests;

using TileServer.Core.Tiling;

/// <summary>A layer configured for Web Mercator zoom 10–14: its limits run from each set's first level to the
/// level matching zoom 14, and it is drawn only from the level matching zoom 10.</summary>
public sealed class WmtsLayerZoomTests
{
    private static WmtsLayer Layer()
    {
        var plain = WmtsTestData.Layers()[0];
        var definition = plain.Layer.Definition with { MinZoom = 10, MaxZoom = 14 };
        return new WmtsLayer(plain.Layer with { Definition = definition }, plain.Style);
    }

    [Theory]
    [InlineData("WebMercatorQuad", 0, 10, 14)]
    [InlineData("CGCS2000Quad", 1, 10, 14)]
    [InlineData("WorldCRS84Quad", 0, 9, 13)]
    public void Limits_start_at_the_first_level_and_drawing_at_the_min_zoom(string setId, int first, int drawnFrom, int last)
    {
        var set = TileMatrixSets.Get(setId);
        var layer = Layer();
        Assert.Equal(Enumerable.Range(first, last - first + 1), layer.LimitsIn(set).Select(l => l.Zoom));
        Assert.False(layer.IsDrawnAt(set, drawnFrom - 1));
        Assert.True(layer.IsDrawnAt(set, drawnFrom));
        Assert.Equal(set.LimitsFor(WmtsTestData.Extent, first), layer.LimitsIn(set)[0]);
    }

    [Fact]
    public void A_tile_inside_the_limits_below_the_min_zoom_validates_and_one_past_the_max_zoom_does_not()
    {
        var set = TileMatrixSets.WebMercatorQuad;
        var low = set.TileAtLonLat(118.75, 41.0, 5);
        var high = set.TileAtLonLat(118.75, 41.0, 15);
        string Text(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var below = new WmtsTileParameters("xzq", "xzq", "image/png", set.Id, "5", Text(low.Row), Text(low.Column));
        Assert.True(WmtsTileRequestValidator.TryValidate(below, [Layer()], out _, out _));
        var above = new WmtsTileParameters("xzq", "xzq", "image/png", set.Id, "15", Text(high.Row), Text(high.Column));
        Assert.False(WmtsTileRequestValidator.TryValidate(above, [Layer()], out _, out var error));
        Assert.Equal((WmtsExceptionCode.TileOutOfRange, "TileMatrix"), (error!.Code, error.Locator));
    }
}
