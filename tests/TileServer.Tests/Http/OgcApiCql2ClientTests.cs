namespace TileServer.Tests.Http;

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TileServer.Tests.Support;

/// <summary>Real clients sending filters: GDAL 3.6's OAPIF driver turns an OGR -where clause into a server-side
/// filter (it writes the draft name filter-lang=cql-text, which /api lists for that reason), and OWSLib passes a
/// CQL2 filter and sortby through. Counts are checked against GDAL's SQL on the GeoPackage the server reads.</summary>
public sealed partial class OgcApiCql2ClientTests : IDisposable
{
    private const string Where = "xzqdm = '130881' AND ydyhfldm LIKE '03%' AND mj > 10000";

    private readonly KestrelSampleServer server = new();

    [Fact]
    public async Task Gdal_oapif_sends_its_where_clause_as_a_filter_and_counts_what_sql_counts()
    {
        long expected = await OgcApiCql2Tests.CountWithGdalAsync("ghyd", Where);
        Assert.True(expected > 0);
        // --debug output goes to stderr; the shell merges it so the request URLs can be checked.
        string output = await ExternalTool.RunAsync("sh", "-c",
            $"ogrinfo -ro -so -oo PAGE_SIZE=1000 -where \"{Where}\" 'OAPIF:{server.BaseUrl}' ghyd --debug on 2>&1");
        var match = FeatureCount().Match(output);
        Assert.True(match.Success, output);
        Assert.Equal(expected, long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        var itemRequests = output.Split('\n').Where(l => l.Contains("/collections/ghyd/items?", StringComparison.Ordinal) && l.Contains("HTTP: Fetch", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(itemRequests);
        Assert.Contains(itemRequests, l => l.Contains("filter=", StringComparison.Ordinal) && l.Contains("filter-lang=cql-text", StringComparison.Ordinal));
        Assert.DoesNotContain("evaluated on client side", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owslib_passes_a_cql2_filter_and_sortby()
    {
        long expected = await OgcApiCql2Tests.CountWithGdalAsync("ghyd", Where);
        const string Script = """
            import json, sys
            from owslib.ogcapi.features import Features
            w = Features(sys.argv[1])
            items = w.collection_items('ghyd', filter=sys.argv[2], sortby='-mj', limit=5)
            print(json.dumps({'matched': items['numberMatched'], 'areas': [f['properties']['mj'] for f in items['features']],
                'codes': sorted({f['properties']['ydyhfldm'][:2] for f in items['features']})}))
            """;
        using var result = JsonDocument.Parse(await ExternalTool.RunAsync(ExternalTool.Python, "-c", Script, server.BaseUrl, Where));
        var root = result.RootElement;
        Assert.Equal(expected, root.GetProperty("matched").GetInt64());
        var areas = root.GetProperty("areas").EnumerateArray().Select(a => a.GetDouble()).ToList();
        Assert.Equal(5, areas.Count);
        Assert.Equal(areas.OrderByDescending(a => a), areas);
        Assert.All(areas, a => Assert.True(a > 10000));
        Assert.Equal(["03"], root.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
    }

    public void Dispose() => server.Dispose();

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();
}
