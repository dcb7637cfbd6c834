namespace TileServer.Core.Tests.Tiling;

using System.Globalization;
using TileServer.Core.Tiling;

/// <summary>The published numbers of data/reference/tile_grids.json, copied here so a change to either side
/// is caught; compared to 16 significant digits.</summary>
public sealed class TileMatrixSetNumbersTests
{
    // tianditu.levels[*].c_resolution_deg_per_px, levels 1..18.
    private static readonly double[] TiandituCellSizes =
    [
        0.703125, 0.3515625, 0.17578125, 0.087890625, 0.0439453125, 0.02197265625, 0.010986328125,
        0.0054931640625, 0.00274658203125, 0.001373291015625, 0.0006866455078125, 0.00034332275390625,
        0.000171661376953125, 8.58306884765625e-05, 4.291534423828125e-05, 2.1457672119140625e-05,
        1.0728836059570312e-05, 5.364418029785156e-06,
    ];

    // tianditu.levels[*].scale_denominator (96 dpi), levels 1..18.
    private static readonly double[] TiandituScales96Dpi =
    [
        295829355.4545656, 147914677.7272828, 73957338.8636414, 36978669.4318207, 18489334.71591035,
        9244667.357955175, 4622333.678977587, 2311166.8394887936, 1155583.4197443968, 577791.7098721984,
        288895.8549360992, 144447.9274680496, 72223.9637340248, 36111.9818670124, 18055.9909335062,
        9027.9954667531, 4513.99773337655, 2256.998866688275,
    ];

    [Fact]
    public void WebMercatorQuad_level_zero_matches_the_reference()
    {
        TileMatrix level0 = TileMatrixSets.WebMercatorQuad.GetMatrix(0);
        AssertSameDigits(559082264.0287178, level0.ScaleDenominator);
        AssertSameDigits(156543.03392804097, level0.CellSize);
        Assert.Equal((1, 1), (level0.MatrixWidth, level0.MatrixHeight));
        // The reference prints the corner with 7 decimals (as 17-083r4 does); we keep π·a unrounded.
        Assert.Equal(-20037508.3427892, level0.OriginX, 7);
        Assert.Equal(20037508.3427892, level0.OriginY, 7);
        Assert.Equal("urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible", TileMatrixSets.WebMercatorQuad.WellKnownScaleSet);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", TileMatrixSets.WebMercatorQuad.CrsUri);
    }

    [Fact]
    public void WebMercatorQuad_has_levels_0_to_24_each_halving_exactly()
    {
        TileMatrixSet set = TileMatrixSets.WebMercatorQuad;
        Assert.Equal(0, set.MinZoom);
        Assert.Equal(24, set.MaxZoom);
        for (int zoom = 0; zoom <= 24; zoom++)
        {
            TileMatrix matrix = set.GetMatrix(zoom);
            Assert.Equal(zoom.ToString(CultureInfo.InvariantCulture), matrix.Identifier);
            Assert.Equal(559082264.0287178 / Math.Pow(2, zoom), matrix.ScaleDenominator);
            Assert.Equal(1 << zoom, matrix.MatrixWidth);
            Assert.Equal(WebMercator.Resolution(zoom), matrix.CellSize);
            Assert.Equal(256, matrix.TileWidth);
            Assert.Equal(256, matrix.TileHeight);
        }
    }

    [Fact]
    public void WorldCrs84Quad_level_zero_matches_the_reference()
    {
        TileMatrixSet set = TileMatrixSets.WorldCrs84Quad;
        TileMatrix level0 = set.GetMatrix(0);
        AssertSameDigits(279541132.0143589, level0.ScaleDenominator);
        Assert.Equal(0.703125, level0.CellSize);
        Assert.Equal((2, 1), (level0.MatrixWidth, level0.MatrixHeight));
        Assert.Equal((-180.0, 90.0), (level0.OriginX, level0.OriginY));
        Assert.Equal((-180.0, 90.0), level0.PointOfOriginInAxisOrder);
        AssertSameDigits(111319.49079327357, set.MetersPerUnit);
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", set.CrsUri);
    }

    [Fact]
    public void Cgcs2000Quad_cells_and_matrices_equal_tianditu_c()
    {
        TileMatrixSet set = TileMatrixSets.Cgcs2000Quad;
        Assert.Equal("CGCS2000Quad", set.Id);
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4490", set.CrsUri);
        Assert.Equal(CrsAxisOrder.NorthEast, set.AxisOrder);
        Assert.Equal(1, set.MinZoom);
        Assert.Equal(18, set.MaxZoom);
        for (int level = 1; level <= 18; level++)
        {
            TileMatrix matrix = set.GetMatrix(level);
            Assert.Equal(level.ToString(CultureInfo.InvariantCulture), matrix.Identifier);
            Assert.Equal(TiandituCellSizes[level - 1], matrix.CellSize);
            Assert.Equal(1 << level, matrix.MatrixWidth);
            Assert.Equal(1 << (level - 1), matrix.MatrixHeight);
            Assert.Equal((90.0, -180.0), matrix.PointOfOriginInAxisOrder); // "90.0 -180.0 (lat lon)"
        }
    }

    [Fact]
    public void Cgcs2000Quad_scales_follow_the_ogc_pixel_and_differ_from_tianditu_only_by_dpi()
    {
        TileMatrixSet set = TileMatrixSets.Cgcs2000Quad;
        AssertSameDigits(279541132.0143589, set.GetMatrix(1).ScaleDenominator);
        // Tianditu's /esri/wmts prints an OGC-pixel value computed with a slightly different constant.
        Assert.Equal(2.795411320143237E8, set.GetMatrix(1).ScaleDenominator, 2.795411320143237E8 * 1e-12);
        for (int level = 1; level <= 18; level++)
        {
            TileMatrix matrix = set.GetMatrix(level);
            // Same level of WorldCRS84Quad one step up: identical CRS units and scale.
            Assert.Equal(TileMatrixSets.WorldCrs84Quad.GetMatrix(level - 1).ScaleDenominator, matrix.ScaleDenominator);
            double published96Dpi = matrix.CellSize * TileMatrixSets.MetersPerDegree / (0.0254 / 96);
            // Tianditu prints some of these with 15 digits, so compare relatively rather than digit by digit.
            Assert.Equal(TiandituScales96Dpi[level - 1], published96Dpi, TiandituScales96Dpi[level - 1] * 1e-15);
        }
    }

    [Fact]
    public void Registry_finds_sets_case_insensitively()
    {
        Assert.Same(TileMatrixSets.Cgcs2000Quad, TileMatrixSets.Get("cgcs2000quad"));
        Assert.Same(TileMatrixSets.WebMercatorQuad, TileMatrixSets.Get("WebMercatorQuad"));
        Assert.False(TileMatrixSets.TryGet("GoogleMapsCompatible", out _));
        Assert.Throws<KeyNotFoundException>(() => TileMatrixSets.Get("nope"));
        Assert.Equal(3, TileMatrixSets.All.Count);
    }

    private static void AssertSameDigits(double expected, double actual) =>
        Assert.Equal(expected.ToString("G16", CultureInfo.InvariantCulture), actual.ToString("G16", CultureInfo.InvariantCulture));
}
