namespace TileServer.Tests.Http;

using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>GDAL's WMTS driver reads our capabilities from a real listening server (Kestrel on a free port)
/// and places the layer where TileMatrixSetLimits say, in each set's CRS.</summary>
public sealed class WmtsGdalTests : IDisposable
{
    private readonly KestrelSampleServer server = new();

    [Theory]
    [InlineData("WebMercatorQuad", "3857")]
    [InlineData("CGCS2000Quad", "4490")]
    [InlineData("WorldCRS84Quad", "CRS84")]
    public async Task Gdalinfo_opens_a_layer_in_each_set(string set, string crs)
    {
        string source = $"WMTS:{server.BaseUrl}/wmts/1.0.0/WMTSCapabilities.xml,layer=xzq,tilematrixset={set}";
        using var info = JsonDocument.Parse(await ExternalTool.RunAsync("gdalinfo", "-json", source));
        var root = info.RootElement;
        Assert.Equal("WMTS", root.GetProperty("driverShortName").GetString());
        Assert.Contains(crs, root.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!, StringComparison.Ordinal);
        // GDAL takes the set's deepest TileMatrix as full resolution (so ScaleDenominator must give the exact
        // cell size) and crops the raster to the TileMatrixSetLimits: the origin is near 平泉市/二连浩特市, not at -180.
        var grid = TileMatrixSets.Get(set);
        var deepest = grid.Matrices[^1];
        var transform = root.GetProperty("geoTransform");
        Assert.Equal(deepest.CellSize, transform[1].GetDouble(), deepest.CellSize * 1e-9);
        double originLongitude = grid.IsGeographic ? transform[0].GetDouble() : WebMercator.XToLongitude(transform[0].GetDouble());
        Assert.InRange(originLongitude, 100, 125);
    }

    [Fact]
    public async Task Gdal_translate_reads_pixels_through_GetTile()
    {
        string output = Path.Combine(Path.GetTempPath(), $"wmts-{Guid.NewGuid():N}.png");
        try
        {
            string source = $"WMTS:{server.BaseUrl}/wmts/1.0.0/WMTSCapabilities.xml,layer=ghyd,tilematrixset=CGCS2000Quad";
            // A 0.05° window at 256 px reads CGCS2000Quad level 13 tiles, inside ghyd's limits (levels 10–16):
            // GDAL asks for overview levels the limits leave out when reading the whole layer.
            await ExternalTool.RunAsync("gdal_translate", "-q", "-of", "PNG", "-projwin", "118.68", "41.03", "118.73", "40.98", "-outsize", "256", "256", source, output);
            Assert.True(new FileInfo(output).Length > 1000, "GDAL wrote an (almost) empty image");
        }
        finally
        {
            File.Delete(output);
            File.Delete(output + ".aux.xml");
        }
    }

    public void Dispose() => server.Dispose();
}
