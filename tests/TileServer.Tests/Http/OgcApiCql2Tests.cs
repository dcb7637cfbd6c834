namespace TileServer.Tests.Http;

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TileServer.Tests.Support;

/// <summary>OGC API – Features Part 3 CQL2 filters and Part 5 sortby over HTTP on the sample GeoPackage. Counts are
/// checked against GDAL's SQLite dialect (with SpatiaLite's GEOS predicates) reading the same file, which shares
/// no code with the server's parser or SQL translation.</summary>
public sealed partial class OgcApiCql2Tests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private const string PingquanBox = "POLYGON((118.6 40.9, 118.8 40.9, 118.8 41.1, 118.6 41.1, 118.6 40.9))";

    [Theory]
    [InlineData("ghyd", "ydyhfldm LIKE '03%' AND mj > 10000", "ydyhfldm LIKE '03%' AND mj > 10000")]
    [InlineData("ghyd", "xzqdm = '130881' AND (ydyhfldm IN ('0101','0102') OR mj < 50) AND NOT ydyhflmc IS NULL",
        "xzqdm = '130881' AND (ydyhfldm IN ('0101','0102') OR mj < 50) AND ydyhflmc IS NOT NULL")]
    [InlineData("yjjbnt", "yjjbntmj BETWEEN 1000 AND 5000 AND xzqdm <> '152501'", "yjjbntmj BETWEEN 1000 AND 5000 AND xzqdm <> '152501'")]
    [InlineData("czkfbj", "S_INTERSECTS(geometry, " + PingquanBox + ")", "ST_Intersects(geom, ST_GeomFromText('" + PingquanBox + "'))")]
    [InlineData("czkfbj", "S_WITHIN(geometry, " + PingquanBox + ")", "ST_Within(geom, ST_GeomFromText('" + PingquanBox + "'))")]
    [InlineData("czkfbj", "S_INTERSECTS(geometry, BBOX(118.6, 40.9, 118.8, 41.1)) AND mj > 100000",
        "ST_Intersects(geom, BuildMbr(118.6, 40.9, 118.8, 41.1)) AND mj > 100000")]
    public async Task Filtered_counts_equal_gdals_sql_on_the_geopackage(string collection, string cql2, string sqlWhere)
    {
        long expected = await CountWithGdalAsync(collection, sqlWhere);
        Assert.True(expected > 0, "the case should select something");
        using var client = server.CreateClient();
        using var page = await GetJsonAsync(client, $"/collections/{collection}/items?limit=1&filter={Uri.EscapeDataString(cql2)}");
        Assert.Equal(expected, page.RootElement.GetProperty("numberMatched").GetInt64());
    }

    /// <summary>An IN list longer than the filter's cap on predicates (500) is one predicate: 700 areas plus a code.</summary>
    [Fact]
    public async Task A_long_in_list_counts_as_gdal_does()
    {
        var areas = string.Join(",", Enumerable.Range(0, 700).Select(i => (i + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var where = $"ydyhfldm = '0103' OR mj IN ({areas})";
        long expected = await CountWithGdalAsync("ghyd", where);
        Assert.True(expected > 0, "the case should select something");
        using var client = server.CreateClient();
        using var page = await GetJsonAsync(client, $"/collections/ghyd/items?limit=1&filter={Uri.EscapeDataString(where)}");
        Assert.Equal(expected, page.RootElement.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task Constant_filters_select_everything_or_nothing_and_html_pages_carry_the_filter()
    {
        using var client = server.CreateClient();
        using var all = await GetJsonAsync(client, "/collections/czkfbj/items?limit=1");
        using var always = await GetJsonAsync(client, "/collections/czkfbj/items?limit=1&filter=1%3D1");
        using var never = await GetJsonAsync(client, "/collections/czkfbj/items?limit=1&filter=1%3D2%20OR%20FALSE");
        Assert.Equal(all.RootElement.GetProperty("numberMatched").GetInt64(), always.RootElement.GetProperty("numberMatched").GetInt64());
        Assert.Equal(0, never.RootElement.GetProperty("numberMatched").GetInt64());
        Assert.Equal(0, never.RootElement.GetProperty("features").GetArrayLength());

        string html = await client.GetStringAsync("/collections/czkfbj/items?f=html&limit=2&filter=mj%20%3E%20100000");
        Assert.Contains("filter=mj%20%3E%20100000", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spatial_literals_in_lat_first_4490_select_what_crs84_selects()
    {
        using var client = server.CreateClient();
        string latFirst = "POLYGON((40.9 118.6, 40.9 118.8, 41.1 118.8, 41.1 118.6, 40.9 118.6))";
        using var a = await GetJsonAsync(client, $"/collections/czkfbj/items?limit=1&filter={Uri.EscapeDataString($"S_INTERSECTS(geometry, {PingquanBox})")}");
        using var b = await GetJsonAsync(client, $"/collections/czkfbj/items?limit=1&filter-crs={Uri.EscapeDataString("http://www.opengis.net/def/crs/EPSG/0/4490")}"
            + $"&filter={Uri.EscapeDataString($"S_INTERSECTS(geometry, {latFirst})")}");
        long matched = a.RootElement.GetProperty("numberMatched").GetInt64();
        Assert.True(matched > 0);
        Assert.Equal(matched, b.RootElement.GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task Sorted_filtered_pages_follow_next_links_through_every_match_once()
    {
        const string Filter = "xzqdm = '130881' AND ydyhfldm IN ('0303','0304') AND mj BETWEEN 5000 AND 20000";
        long expected = await CountWithGdalAsync("ghyd", Filter);
        Assert.InRange(expected, 15, 2000); // several pages of 7
        using var client = server.CreateClient();
        string? url = $"/collections/ghyd/items?limit=7&sortby=-mj&filter={Uri.EscapeDataString(Filter)}";
        var ids = new List<long>();
        var areas = new List<double>();
        int pages = 0;
        while (url is not null)
        {
            using var page = await GetJsonAsync(client, url);
            var root = page.RootElement;
            Assert.Equal(expected, root.GetProperty("numberMatched").GetInt64());
            foreach (var feature in root.GetProperty("features").EnumerateArray())
            {
                ids.Add(feature.GetProperty("id").GetInt64());
                areas.Add(feature.GetProperty("properties").GetProperty("mj").GetDouble());
            }

            url = root.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => l.GetProperty("href").GetString()).SingleOrDefault();
            if (url is not null)
            {
                // The next link carries the filter and the sort (Part 3 /req/filter/filter-param, next links keep the query).
                Assert.Contains("filter=", url, StringComparison.Ordinal);
                Assert.Contains("sortby=-mj", url, StringComparison.Ordinal);
            }

            Assert.True(++pages < 100);
        }

        Assert.Equal(expected, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(areas.OrderByDescending(a => a), areas);
    }

    [Theory]
    [InlineData("filter=mj%20%3E", "filter", "at character 5")]
    [InlineData("filter=nosuch%20%3D%201", "filter", "not a queryable")]
    [InlineData("filter=mj%20%3D%20%27x%27", "filter", "is not a number")]
    [InlineData("filter=S_TOUCHES(geometry,POINT(1%202))", "filter", "unsupported spatial function")]
    [InlineData("filter=S_INTERSECTS(geometry,POINT(118%2041))&filter-crs=http://www.opengis.net/def/crs/EPSG/0/4490", "filter", "latitudes")]
    [InlineData("filter=mj%3E1&filter-lang=cql2-json", "filter-lang", "cql2-text")]
    [InlineData("filter=mj%3E1&filter-crs=EPSG:4490", "filter-crs", "unsupported CRS")]
    [InlineData("sortby=-nosuch", "sortby", "not a queryable")]
    public async Task Bad_filters_and_sort_keys_are_400_problems(string query, string parameter, string detail)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/collections/ghyd/items?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_api_and_collection_declare_filtering()
    {
        using var client = server.CreateClient();
        using var conformance = await GetJsonAsync(client, "/conformance");
        var classes = conformance.RootElement.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        foreach (string name in new[] { "filter", "features-filter", "queryables" })
            Assert.Contains($"http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/{name}", classes);
        foreach (string name in new[] { "cql2-text", "basic-cql2", "advanced-comparison-operators", "basic-spatial-functions", "basic-spatial-functions-plus" })
            Assert.Contains($"http://www.opengis.net/spec/cql2/1.0/conf/{name}", classes);
        Assert.DoesNotContain("http://www.opengis.net/spec/cql2/1.0/conf/cql2-json", classes);
        Assert.DoesNotContain("http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions", classes);

        using var api = await GetJsonAsync(client, "/api");
        var names = api.RootElement.GetProperty("paths").GetProperty("/collections/ghyd/items").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.TryGetProperty("$ref", out var r) ? r.GetString()!.Split('/')[^1] : p.GetProperty("name").GetString()).ToList();
        foreach (string name in new[] { "filter", "filter-lang", "filter-crs", "sortby" })
            Assert.Contains(name, names);

        using var collection = await GetJsonAsync(client, "/collections/ghyd");
        var queryables = collection.RootElement.GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("rel").GetString() == "http://www.opengis.net/def/rel/ogc/1.0/queryables");
        Assert.Equal("application/schema+json", queryables.GetProperty("type").GetString());
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    /// <summary>Counts with GDAL's SQLite dialect on the GeoPackage the server reads (SpatiaLite functions, GEOS).</summary>
    internal static async Task<long> CountWithGdalAsync(string table, string where)
    {
        string output = await ExternalTool.RunAsync("ogrinfo", "-ro", "-q", SharedSample.GeoPackagePath, "-dialect", "SQLite",
            "-sql", $"SELECT count(*) AS n FROM {table} WHERE {where}");
        var match = CountLine().Match(output);
        Assert.True(match.Success, output);
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"n \(Integer\) = (\d+)")]
    private static partial Regex CountLine();
}
