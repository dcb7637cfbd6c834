namespace TileServer.Tests.Clients;

using System.Globalization;
using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Tests.Http;
using TileServer.Tests.Support;

/// <summary>OWSLib (Debian python3-owslib) reads the capabilities from a listening server and uses what it
/// parsed — InfoFormat, the FeatureInfo ResourceURL template and the GetFeatureInfo KVP endpoint — to ask
/// for the parcel under a pixel (Clients/scripts/owslib_wmts_featureinfo.py explains why the script fills the
/// request itself: OWSLib's WMTS getfeatureinfo is not implemented).</summary>
public sealed class OwsLibWmtsFeatureInfoTests : IDisposable
{
    private readonly KestrelSampleServer server = new();

    [Theory]
    [InlineData("CGCS2000Quad", 16)]
    [InlineData("WorldCRS84Quad", 15)]
    [InlineData("WebMercatorQuad", 16)]
    public async Task Owslib_finds_the_parcel_through_rest_and_kvp(string setId, int zoom)
    {
        var (bsm, longitude, latitude) = await WmtsFeatureInfoEndpointTests.ParcelAsync(server.Services);
        var (tile, i, j) = WmtsFeatureInfoEndpointTests.Pixel(TileMatrixSets.Get(setId), zoom, longitude, latitude);
        string script = Path.Combine(RepositoryRoot.Path, "tests", "TileServer.Tests", "Clients", "scripts", "owslib_wmts_featureinfo.py");
        string output = await ExternalTool.RunAsync(ExternalTool.Python, script, $"{server.BaseUrl}/wmts/1.0.0/WMTSCapabilities.xml", "ghyd", setId,
            Text(zoom), Text(tile.Row), Text(tile.Column), Text(j), Text(i));
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Assert.Equal(["application/json", "text/html", "application/vnd.ogc.gml"], root.GetProperty("infoformats").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(setId, root.GetProperty("sets").EnumerateArray().Select(e => e.GetString()));
        foreach (string encoding in new[] { "rest", "kvp" })
        {
            var feature = Assert.Single(root.GetProperty(encoding).GetProperty("features").EnumerateArray());
            Assert.Equal(bsm, feature.GetProperty("properties").GetProperty("bsm").GetString());
        }

        Assert.Equal("{http://www.opengis.net/wmts/1.0}FeatureInfoResponse", root.GetProperty("gmlRoot").GetString());
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => server.Dispose();
}
