namespace TileServer.Tests.Http;

using System.Globalization;
using System.Text.Json;
using TileServer.Tests.Support;

/// <summary>GDAL's WFS driver querying a listening server: attribute filters (-where becomes an FES filter),
/// spatial filters (-spat becomes BBOX), -fid (ResourceId), paging through a whole layer with ogr2ogr, and
/// OWSLib's GetFeatureById stored query. Counts are checked against the generated sample.</summary>
public sealed class WfsGdalQueryTests : IDisposable
{
    private readonly KestrelSampleServer server = new();

    private string Endpoint => server.BaseUrl + "/wfs";

    [Fact]
    public async Task Ogr2ogr_pages_through_a_whole_layer()
    {
        // GDAL pages with STARTINDEX/COUNT when ImplementsResultPaging is TRUE; a page of 50 makes 76 pages here.
        using var json = JsonDocument.Parse(await ExternalTool.RunAsync("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", $"WFS:{Endpoint}", "gh:yjjbnt",
            "--config", "OGR_WFS_PAGE_SIZE", "50"));
        var ids = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("gml_id").GetString()).ToList();
        Assert.Equal(SharedSample.Dataset.Layer("yjjbnt").Features.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Ogrinfo_where_spat_and_fid_are_answered_by_the_server()
    {
        var source = SharedSample.Dataset.Layer("stbhhx");
        int mj = source.Schema.Fields.ToList().FindIndex(f => f.Name == "mj");
        long expected = source.Features.Count(f => f.Values[mj] is double v && v > 1_000_000);
        string where = await ExternalTool.RunAsync("ogrinfo", "-ro", "-so", $"WFS:{Endpoint}", "gh:stbhhx", "-where", "mj > 1000000");
        Assert.Contains($"Feature Count: {expected.ToString(CultureInfo.InvariantCulture)}\n", where, StringComparison.Ordinal);

        string spat = await ExternalTool.RunAsync("ogrinfo", "-ro", "-so", $"WFS:{Endpoint}", "gh:xzq", "-spat", "118.6", "40.9", "118.8", "41.0");
        Assert.Contains("Feature Count: 1\n", spat, StringComparison.Ordinal);

        string fid = await ExternalTool.RunAsync("ogrinfo", "-ro", "-q", $"WFS:{Endpoint}", "gh:xzq", "-fid", "2");
        Assert.Contains("二连浩特市", fid, StringComparison.Ordinal);
        Assert.DoesNotContain("平泉市", fid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owslib_get_feature_by_id_stored_query()
    {
        const string Script = """
            import sys
            from owslib.wfs import WebFeatureService
            wfs = WebFeatureService(sys.argv[1], version="2.0.0")
            print([q.id for q in wfs.storedqueries])
            print(wfs.getfeature(storedQueryID="urn:ogc:def:query:OGC-WFS::GetFeatureById", storedQueryParams={"ID": "xzq.2"}).read().decode("utf-8"))
            """;
        string script = Path.Combine(Path.GetTempPath(), $"wfs-owslib-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            string output = await ExternalTool.RunAsync(ExternalTool.Python, script, Endpoint);
            Assert.Contains("urn:ogc:def:query:OGC-WFS::GetFeatureById", output, StringComparison.Ordinal);
            Assert.Contains("gml:id=\"xzq.2\"", output, StringComparison.Ordinal);
            Assert.Contains("二连浩特市", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }

    public void Dispose() => server.Dispose();
}
