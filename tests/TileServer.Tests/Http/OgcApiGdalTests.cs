namespace TileServer.Tests.Http;

using System.Text.Json;
using TileServer.Tests.Support;

/// <summary>Real clients against a real listening server (Kestrel on a free port): GDAL's OGC API – Features driver
/// (OAPIF) reads what GDAL reads from the GeoPackage behind the server, OWSLib's OGC API client reads collections,
/// filtered items and features, and openapi-spec-validator accepts /api.</summary>
public sealed class OgcApiGdalTests : IDisposable
{
    private readonly KestrelSampleServer server = new();

    [Fact]
    public async Task Ogrinfo_lists_every_collection_with_its_title()
    {
        string output = await ExternalTool.RunAsync("ogrinfo", "-ro", "-so", $"OAPIF:{server.BaseUrl}");
        Assert.Contains("using driver `OAPIF' successful", output, StringComparison.Ordinal);
        foreach (string layer in new[] { "xzq (title: 行政区)", "yjjbnt (title: 永久基本农田)", "czkfbj (title: 城镇开发边界)" })
            Assert.Contains(layer, output, StringComparison.Ordinal);
        string summary = await ExternalTool.RunAsync("ogrinfo", "-ro", "-so", $"OAPIF:{server.BaseUrl}", "czkfbj");
        Assert.Contains("Feature Count: ", summary, StringComparison.Ordinal);
        Assert.Contains("xzqmc: String", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xzq", "1000", null)]
    [InlineData("stbhhx", "50", null)] // several pages through next links
    [InlineData("czkfbj", "1000", null)]
    [InlineData("yjjbnt", "1000", "xzqdm = '152501'")] // GDAL passes the equality on as ?xzqdm=152501
    public async Task Ogr2ogr_reads_the_same_features_as_from_the_geopackage(string layer, string pageSize, string? where)
    {
        string[] filter = where is null ? [] : ["-where", where];
        using var served = JsonDocument.Parse(await ExternalTool.RunAsync("ogr2ogr", ["-f", "GeoJSON", "/vsistdout/", $"OAPIF:{server.BaseUrl}", layer, "-oo", $"PAGE_SIZE={pageSize}", .. filter]));
        using var stored = JsonDocument.Parse(await ExternalTool.RunAsync("ogr2ogr", ["-f", "GeoJSON", "/vsistdout/", SharedSample.GeoPackagePath, layer, .. filter]));
        var a = served.RootElement.GetProperty("features").EnumerateArray().ToList();
        var b = stored.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(a);
        Assert.Equal(b.Count, a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            var properties = a[i].GetProperty("properties");
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Name == "id")
                    continue; // GDAL adds the GeoJSON id as a field
                Assert.Equal(b[i].GetProperty("properties").GetProperty(property.Name).ToString(), property.Value.ToString());
            }

            var served0 = Positions(a[i].GetProperty("geometry").GetProperty("coordinates")).ToList();
            var stored0 = Positions(b[i].GetProperty("geometry").GetProperty("coordinates")).ToList();
            Assert.Equal(stored0.Count, served0.Count);
            for (int p = 0; p < served0.Count; p++)
            {
                Assert.Equal(stored0[p].X, served0[p].X, 1e-7);
                Assert.Equal(stored0[p].Y, served0[p].Y, 1e-7);
            }
        }
    }

    [Fact]
    public async Task Gauss_kruger_items_match_gdal_reprojecting_the_geopackage_within_a_millimetre()
    {
        // EPSG:4549 (CGCS2000 3-degree CM 120°E) by URI: northing (X) first; ogr2ogr writes easting first.
        using var client = new HttpClient();
        string url = $"{server.BaseUrl}/collections/stbhhx/items?limit=1000&crs=http://www.opengis.net/def/crs/EPSG/0/4549&xzqdm=130881";
        using var served = JsonDocument.Parse(await client.GetStringAsync(url));
        using var stored = JsonDocument.Parse(await ExternalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", "-t_srs", "EPSG:4549",
            "-lco", "COORDINATE_PRECISION=6", "-where", "xzqdm = '130881'", SharedSample.GeoPackagePath, "stbhhx"));
        var a = served.RootElement.GetProperty("features").EnumerateArray().ToList();
        var b = stored.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(a);
        Assert.Equal(b.Count, a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            var northEast = Positions(a[i].GetProperty("geometry").GetProperty("coordinates")).ToList();
            var eastNorth = Positions(b[i].GetProperty("geometry").GetProperty("coordinates")).ToList();
            Assert.Equal(eastNorth.Count, northEast.Count);
            for (int p = 0; p < northEast.Count; p++)
            {
                Assert.Equal(eastNorth[p].Y, northEast[p].X, 0.001);
                Assert.Equal(eastNorth[p].X, northEast[p].Y, 0.001);
            }
        }
    }

    [Fact]
    public async Task The_openapi_schema_validator_accepts_the_api_document()
    {
        using var client = new HttpClient();
        string path = Path.Combine(Path.GetTempPath(), $"ogcapi-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(path, await client.GetStringAsync($"{server.BaseUrl}/api"));
            // The official OpenAPI 3.0 JSON schema, through tests/js (npm ci in the README's test command).
            string scripts = Path.Combine(RepositoryRoot.Path, "tests", "js");
            Assert.True(Directory.Exists(Path.Combine(scripts, "node_modules", "@seriousme", "openapi-schema-validator")),
                "tests/js/node_modules is missing: run the README's test command (scripts/test.sh), which runs npm ci there");
            using var verdict = JsonDocument.Parse(await ExternalTool.RunAsync("node", Path.Combine(scripts, "validate-openapi.mjs"), path));
            Assert.Equal("3.0", verdict.RootElement.GetProperty("version").GetString());
            Assert.True(verdict.RootElement.GetProperty("valid").GetBoolean(), verdict.RootElement.GetProperty("errors").ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Owslib_reads_collections_filtered_items_queryables_and_a_feature()
    {
        const string Script = """
            import json, sys
            from owslib.ogcapi.features import Features
            w = Features(sys.argv[1])
            items = w.collection_items('stbhhx', limit=5, xzqdm='130881')
            one = w.collection_item('stbhhx', str(items['features'][0]['id']))
            print(json.dumps({
                'collections': [c['id'] for c in w.collections()['collections']],
                'matched': items['numberMatched'], 'returned': items['numberReturned'],
                'codes': sorted({f['properties']['xzqdm'] for f in items['features']}),
                'queryables': sorted(w.collection_queryables('stbhhx')['properties']),
                'same': one['id'] == items['features'][0]['id']}))
            """;
        using var result = JsonDocument.Parse(await ExternalTool.RunAsync(ExternalTool.Python, "-c", Script, server.BaseUrl));
        var root = result.RootElement;
        Assert.Equal(7, root.GetProperty("collections").GetArrayLength());   // six stored layers and conflicts
        Assert.Equal(5, root.GetProperty("returned").GetInt32());
        Assert.True(root.GetProperty("matched").GetInt32() > 5);
        Assert.Equal(["130881"], root.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("hxmc", root.GetProperty("queryables").EnumerateArray().Select(q => q.GetString()));
        Assert.True(root.GetProperty("same").GetBoolean());
    }

    private static IEnumerable<(double X, double Y)> Positions(JsonElement coordinates)
    {
        if (coordinates[0].ValueKind == JsonValueKind.Number)
        {
            yield return (coordinates[0].GetDouble(), coordinates[1].GetDouble());
            yield break;
        }

        foreach (var child in coordinates.EnumerateArray())
        {
            foreach (var position in Positions(child))
                yield return position;
        }
    }

    public void Dispose() => server.Dispose();
}
