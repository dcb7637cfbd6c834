namespace TileServer.Tests.Http;

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Tests.Support;

/// <summary>Real WFS 2.0 clients against a listening server (Kestrel on a free port): GDAL's WFS driver
/// (ogrinfo, ogr2ogr, with reprojection to a Gauss-Krüger zone checked against PROJ's gdaltransform) and
/// OWSLib's WebFeatureService 2.0.0 (capabilities, schema, GML and GeoJSON GetFeature, XML POST).</summary>
public sealed class WfsClientTests : IDisposable
{
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory;
    private readonly string endpoint;

    public WfsClientTests()
    {
        factory = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        }).WithWebHostBuilder(builder => builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0"));
        // The setting keeps ServerApplication from applying config/tileserver.json's Urls (port 8080, maybe busy).
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        endpoint = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/wfs";
    }

    [Fact]
    public async Task Ogrinfo_lists_every_layer()
    {
        Assert.DoesNotContain(":8080/", endpoint, StringComparison.Ordinal);
        string output = await RunAsync("ogrinfo", null, "-ro", "-q", $"WFS:{endpoint}");
        foreach (var layer in new[] { "xzq", "ghyd", "yjjbnt", "stbhhx", "czkfbj", "czjsyd2020" })
            Assert.Contains($"gh:{layer} ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ogr2ogr_reads_features_with_source_attributes_and_coordinates()
    {
        using var json = JsonDocument.Parse(await RunAsync("ogr2ogr", null, "-f", "GeoJSON", "/vsistdout/", $"WFS:{endpoint}", "gh:xzq"));
        var features = json.RootElement.GetProperty("features");
        var source = SharedSample.Dataset.Layer("xzq").Features;
        Assert.Equal(source.Count, features.GetArrayLength());
        Assert.Equal("平泉市", features[0].GetProperty("properties").GetProperty("xzqmc").GetString());
        Assert.Equal("xzq.1", features[0].GetProperty("properties").GetProperty("gml_id").GetString());
        // GDAL presents EPSG:4490 in traditional GIS order: longitude, latitude.
        var first = features[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        var expected = source[0].Geometry.Coordinates[0];
        Assert.Equal(expected.X, first[0].GetDouble(), 1e-7);
        Assert.Equal(expected.Y, first[1].GetDouble(), 1e-7);
    }

    [Fact]
    public async Task Ogr2ogr_reprojected_by_the_server_to_a_gauss_kruger_zone_agrees_with_proj()
    {
        using var json = JsonDocument.Parse(await RunAsync("ogr2ogr", null, "-f", "GeoJSON", "/vsistdout/",
            $"WFS:{endpoint}?SRSNAME=urn:ogc:def:crs:EPSG::4549", "gh:xzq"));
        var first = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        var lonLat = SharedSample.Dataset.Layer("xzq").Features[0].Geometry.Coordinates[0];
        string projected = await RunAsync("gdaltransform", string.Create(CultureInfo.InvariantCulture, $"{lonLat.X:R} {lonLat.Y:R}\n"),
            "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4549", "-output_xy");
        var proj = projected.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(proj[0], first[0].GetDouble(), 1e-3); // easting, in GDAL's traditional order
        Assert.Equal(proj[1], first[1].GetDouble(), 1e-3);
    }

    [Fact]
    public async Task Owslib_reads_capabilities_schema_and_features()
    {
        const string Script = """
            import json, sys
            from owslib.wfs import WebFeatureService
            wfs = WebFeatureService(sys.argv[1], version="2.0.0")
            out = {"types": sorted(wfs.contents), "crs": [str(c) for c in wfs.contents["gh:ghyd"].crsOptions]}
            out["schema"] = wfs.get_schema("gh:ghyd")["properties"]
            gml = wfs.getfeature(typename="gh:xzq", maxfeatures=1).read().decode("utf-8")
            out["gml_has_pingquan"] = "平泉市" in gml and 'numberReturned="1"' in gml
            geo = json.loads(wfs.getfeature(typename="gh:xzq", maxfeatures=2, outputFormat="application/json").read())
            out["json_names"] = [f["properties"]["xzqmc"] for f in geo["features"]]
            post = wfs.getfeature(typename="gh:xzq", maxfeatures=1, method="POST").read().decode("utf-8")
            out["post_has_pingquan"] = "平泉市" in post
            print(json.dumps(out, ensure_ascii=False))
            """;
        string script = Path.Combine(Path.GetTempPath(), $"wfs-owslib-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            using var json = JsonDocument.Parse(await RunAsync("/usr/bin/python3", null, script, endpoint));
            var root = json.RootElement;
            Assert.Equal(["gh:conflicts", "gh:czjsyd2020", "gh:czkfbj", "gh:ghyd", "gh:stbhhx", "gh:xzq", "gh:yjjbnt"], root.GetProperty("types").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("urn:ogc:def:crs:EPSG::4549", root.GetProperty("crs").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("double", root.GetProperty("schema").GetProperty("mj").GetString());
            Assert.True(root.GetProperty("gml_has_pingquan").GetBoolean());
            Assert.Equal(["平泉市", "二连浩特市"], root.GetProperty("json_names").EnumerateArray().Select(e => e.GetString()));
            Assert.True(root.GetProperty("post_has_pingquan").GetBoolean());
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<string> RunAsync(string tool, string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null,
        };
        start.Environment["GDAL_HTTP_TIMEOUT"] = "60";
        start.Environment["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} not found: run scripts/test.sh, which installs gdal-bin and python3-owslib");
        }

        using (process)
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
                process.StandardInput.Close();
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {stderr}");
            Assert.DoesNotContain("ERROR", stderr, StringComparison.Ordinal);
            return await stdout;
        }
    }

    public void Dispose() => factory.Dispose();
}
