namespace TileServer.Tests.Http;

using System.Globalization;
using System.Text.Json;
using TileServer.Tests.Support;

/// <summary>Real WFS 2.0 clients against a listening server (Kestrel on a free port): GDAL's WFS driver
/// (ogrinfo, ogr2ogr, with reprojection to a Gauss-Krüger zone checked against PROJ's gdaltransform) and
/// OWSLib's WebFeatureService 2.0.0 (capabilities, schema, GML and GeoJSON GetFeature, XML POST).</summary>
public sealed class WfsClientTests : IDisposable
{
    private readonly KestrelSampleServer server = new();

    private string Endpoint => server.BaseUrl + "/wfs";

    [Fact]
    public async Task Ogrinfo_lists_every_layer()
    {
        Assert.DoesNotContain(":8080/", Endpoint, StringComparison.Ordinal);
        string output = await ExternalTool.RunAsync("ogrinfo", "-ro", "-q", $"WFS:{Endpoint}");
        foreach (var layer in new[] { "xzq", "ghyd", "yjjbnt", "stbhhx", "czkfbj", "czjsyd2020" })
            Assert.Contains($"gh:{layer} ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ogr2ogr_reads_features_with_source_attributes_and_coordinates()
    {
        using var json = JsonDocument.Parse(await ExternalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", $"WFS:{Endpoint}", "gh:xzq"));
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
        using var json = JsonDocument.Parse(await ExternalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", "/vsistdout/",
            $"WFS:{Endpoint}?SRSNAME=urn:ogc:def:crs:EPSG::4549", "gh:xzq"));
        var first = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        var lonLat = SharedSample.Dataset.Layer("xzq").Features[0].Geometry.Coordinates[0];
        string projected = await ExternalTool.RunAsync("gdaltransform", ["-s_srs", "EPSG:4490", "-t_srs", "EPSG:4549", "-output_xy"],
            string.Create(CultureInfo.InvariantCulture, $"{lonLat.X:R} {lonLat.Y:R}\n"));
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
            using var json = JsonDocument.Parse(await ExternalTool.RunAsync(ExternalTool.Python, script, Endpoint));
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

    public void Dispose() => server.Dispose();
}
