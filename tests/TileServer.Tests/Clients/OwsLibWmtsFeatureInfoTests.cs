namespace TileServer.Tests.Clients;

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Tiling;
using TileServer.Tests.Http;
using TileServer.Tests.Support;

/// <summary>OWSLib (Debian python3-owslib) reads the capabilities from a listening server and uses what it
/// parsed — InfoFormat, the FeatureInfo ResourceURL template and the GetFeatureInfo KVP endpoint — to ask
/// for the parcel under a pixel (Clients/scripts/owslib_wmts_featureinfo.py explains why the script fills the
/// request itself: OWSLib's WMTS getfeatureinfo is not implemented).</summary>
public sealed class OwsLibWmtsFeatureInfoTests : IDisposable
{
    private readonly WebApplicationFactory<Program> factory;
    private readonly string baseUrl;

    public OwsLibWmtsFeatureInfoTests()
    {
        factory = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        }).WithWebHostBuilder(builder =>
            // A free port: the configured http://localhost:8080 may be taken (by another test class too). A host
            // setting reaches the program's configuration before ServerApplication reads "urls".
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0"));
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        baseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CGCS2000Quad", 16)]
    [InlineData("WorldCRS84Quad", 15)]
    [InlineData("WebMercatorQuad", 16)]
    public async Task Owslib_finds_the_parcel_through_rest_and_kvp(string setId, int zoom)
    {
        var (bsm, longitude, latitude) = await WmtsFeatureInfoEndpointTests.ParcelAsync(factory.Services);
        var (tile, i, j) = WmtsFeatureInfoEndpointTests.Pixel(TileMatrixSets.Get(setId), zoom, longitude, latitude);
        string script = Path.Combine(RepositoryRoot.Path, "tests", "TileServer.Tests", "Clients", "scripts", "owslib_wmts_featureinfo.py");
        string output = await RunPythonAsync(script, $"{baseUrl}/wmts/1.0.0/WMTSCapabilities.xml", "ghyd", setId,
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

    private static async Task<string> RunPythonAsync(params string[] arguments)
    {
        // Debian's python carries python3-owslib; another python3 may come first on PATH.
        var start = new ProcessStartInfo("/usr/bin/python3", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"OWSLib script failed (is python3-owslib installed?): {stderr}");
        return await stdout;
    }

    public void Dispose() => factory.Dispose();
}
