namespace TileServer.Protocols.Wmts.Tests;

using TileServer.Core.Tiling;

public sealed class WmtsTileRequestValidatorTests
{
    // Tile of 平泉市 at zoom 10 on WebMercatorQuad.
    private static readonly TileCoordinate Inside = TileMatrixSets.WebMercatorQuad.TileAtLonLat(118.7, 41.0, 10);

    private static WmtsTileParameters Valid() => new("xzq", "xzq", "image/png", "WebMercatorQuad", "10",
        Inside.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Inside.Column.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static WmtsError Fails(WmtsTileParameters parameters)
    {
        Assert.False(WmtsTileRequestValidator.TryValidate(parameters, WmtsTestData.Layers(), out var request, out var error));
        Assert.Null(request);
        return error!;
    }

    [Fact]
    public void A_tile_inside_the_layer_limits_is_accepted()
    {
        Assert.True(WmtsTileRequestValidator.TryValidate(Valid(), WmtsTestData.Layers(), out var request, out var error));
        Assert.Null(error);
        Assert.Equal(Inside, request!.Tile);
        Assert.Same(TileMatrixSets.WebMercatorQuad, request.TileMatrixSet);
    }

    [Fact]
    public void Missing_parameters_are_reported_before_bad_values()
    {
        var error = Fails(Valid() with { Layer = "nope", TileMatrix = null });
        Assert.Equal(WmtsExceptionCode.MissingParameterValue, error.Code);
        Assert.Equal("TileMatrix", error.Locator);
        Assert.Equal(400, error.StatusCode);
    }

    [Theory]
    [InlineData("Layer")]
    [InlineData("Style")]
    [InlineData("Format")]
    [InlineData("TileMatrixSet")]
    [InlineData("TileMatrix")]
    [InlineData("TileRow")]
    [InlineData("TileCol")]
    public void Bad_values_are_InvalidParameterValue_with_the_parameter_as_locator(string parameter)
    {
        var p = Valid();
        p = parameter switch
        {
            "Layer" => p with { Layer = "unknown" },
            "Style" => p with { Style = "default" },
            "Format" => p with { Format = "image/jpeg" },
            "TileMatrixSet" => p with { TileMatrixSet = "EPSG:900913" },
            "TileMatrix" => p with { TileMatrix = "25" },
            "TileRow" => p with { TileRow = "-1" },
            _ => p with { TileCol = "x" },
        };
        var error = Fails(p);
        Assert.Equal(WmtsExceptionCode.InvalidParameterValue, error.Code);
        Assert.Equal(parameter, error.Locator);
    }

    [Fact]
    public void Rows_beyond_the_matrix_or_the_layer_limits_are_TileOutOfRange()
    {
        var beyondMatrix = Fails(Valid() with { TileRow = "1024" });
        Assert.Equal((WmtsExceptionCode.TileOutOfRange, "TileRow"), (beyondMatrix.Code, beyondMatrix.Locator));
        var beyondLayer = Fails(Valid() with { TileCol = "0" });
        Assert.Equal((WmtsExceptionCode.TileOutOfRange, "TileCol"), (beyondLayer.Code, beyondLayer.Locator));
        var zoomNotDrawn = Fails(Valid() with { TileMatrix = "17", TileRow = "0", TileCol = "0" });
        Assert.Equal((WmtsExceptionCode.TileOutOfRange, "TileMatrix"), (zoomNotDrawn.Code, zoomNotDrawn.Locator));
    }

    [Theory]
    [InlineData("WorldCRS84Quad", 7)]
    [InlineData("CGCS2000Quad", 8)]
    public void Geographic_sets_accept_tiles_inside_the_layer_limits(string set, int level)
    {
        var grid = TileMatrixSets.Get(set);
        var tile = grid.TileAtLonLat(118.7, 41.0, level);
        var p = Valid() with
        {
            TileMatrixSet = set, TileMatrix = level.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TileRow = tile.Row.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TileCol = tile.Column.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.True(WmtsTileRequestValidator.TryValidate(p, WmtsTestData.Layers(), out var request, out _));
        Assert.Same(grid, request!.TileMatrixSet);
        Assert.Equal(tile, request.Tile);
    }

    [Fact]
    public void CGCS2000Quad_has_no_level_0()
    {
        var error = Fails(Valid() with { TileMatrixSet = "CGCS2000Quad", TileMatrix = "0", TileRow = "0", TileCol = "0" });
        Assert.Equal((WmtsExceptionCode.InvalidParameterValue, "TileMatrix"), (error.Code, error.Locator));
    }
}
