namespace TileServer.Tests.Http;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TileServer.Tests.Support;

/// <summary>OGC API – Features Part 1 and 2 over HTTP on the sample GeoPackage.</summary>
public sealed class OgcApiFeaturesTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private const string Epsg4490 = "http://www.opengis.net/def/crs/EPSG/0/4490";

    [Fact]
    public async Task Landing_page_links_the_api_conformance_and_data()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/?f=json"));
        var rels = json.RootElement.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString());
        Assert.Equal("http://localhost/api", rels["service-desc"]);
        Assert.Equal("http://localhost/conformance", rels["conformance"]);
        Assert.Equal("http://localhost/collections", rels["data"]);
        Assert.Contains("service-doc", rels.Keys);
    }

    [Fact]
    public async Task Conformance_declares_core_geojson_html_oas30_and_crs()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/conformance"));
        var classes = json.RootElement.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        foreach (string name in new[] { "core", "geojson", "html", "oas30" })
            Assert.Contains($"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/{name}", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
    }

    [Fact]
    public async Task Collection_has_a_crs84_extent_the_crs_list_and_the_storage_crs()
    {
        using var client = server.CreateClient();
        using var all = JsonDocument.Parse(await client.GetStringAsync("/collections"));
        // The six stored layers and the computed control-line conflicts (docs/planning.md).
        Assert.Equal(7, all.RootElement.GetProperty("collections").GetArrayLength());

        using var json = JsonDocument.Parse(await client.GetStringAsync("/collections/yjjbnt"));
        var root = json.RootElement;
        Assert.Equal("yjjbnt", root.GetProperty("id").GetString());
        Assert.Equal("永久基本农田", root.GetProperty("title").GetString());
        Assert.Equal(Epsg4490, root.GetProperty("storageCrs").GetString());
        var crs = root.GetProperty("crs").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(Crs84, crs[0]);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/4549", crs);
        var spatial = root.GetProperty("extent").GetProperty("spatial");
        Assert.Equal(Crs84, spatial.GetProperty("crs").GetString());
        var bbox = spatial.GetProperty("bbox")[0];
        Assert.InRange(bbox[0].GetDouble(), 100, 125); // west edge: 二连浩特市 ≈ 111.6°E
        Assert.InRange(bbox[3].GetDouble(), 40, 46);
        Assert.Contains(root.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "items"
            && l.GetProperty("type").GetString() == "application/geo+json");
    }

    [Fact]
    public async Task Items_are_geojson_with_counts_links_and_the_content_crs_header()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/collections/ghyd/items?limit=3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"<{Crs84}>", Assert.Single(response.Headers.GetValues("Content-Crs")));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        Assert.Equal(3, root.GetProperty("features").GetArrayLength());
        Assert.Equal(3, root.GetProperty("numberReturned").GetInt32());
        long matched = root.GetProperty("numberMatched").GetInt64();
        Assert.True(matched > 3);
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("timeStamp").GetString(), out _));
        var next = root.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next");
        Assert.Equal("http://localhost/collections/ghyd/items?limit=3&f=json&offset=3", next.GetProperty("href").GetString());
        var feature = root.GetProperty("features")[0];
        Assert.Equal(JsonValueKind.Number, feature.GetProperty("id").ValueKind);
        Assert.True(feature.GetProperty("properties").TryGetProperty("ydyhfldm", out _));
        double lon = FirstPosition(feature)[0];
        Assert.InRange(lon, 110, 120); // CRS84: longitude first
    }

    [Fact]
    public async Task Crs_uri_of_4490_and_a_gauss_kruger_zone_give_lat_first_and_northing_first()
    {
        using var client = server.CreateClient();
        using var crs84 = JsonDocument.Parse(await client.GetStringAsync("/collections/xzq/items?limit=1"));
        using var geographic = await GetJson(client, $"/collections/xzq/items?limit=1&crs={Epsg4490}", $"<{Epsg4490}>");
        using var projected = await GetJson(client, "/collections/xzq/items?limit=1&crs=http://www.opengis.net/def/crs/EPSG/0/4549",
            "<http://www.opengis.net/def/crs/EPSG/0/4549>");
        var lonLat = FirstPosition(crs84.RootElement.GetProperty("features")[0]);
        var latLon = FirstPosition(geographic.RootElement.GetProperty("features")[0]);
        Assert.Equal(lonLat[0], latLon[1], 9);
        Assert.Equal(lonLat[1], latLon[0], 9);
        var northEast = FirstPosition(projected.RootElement.GetProperty("features")[0]);
        Assert.InRange(northEast[0], 4_000_000, 5_500_000); // northing (X) first
        Assert.InRange(northEast[1], 0, 1_000_000);
    }

    [Fact]
    public async Task Bbox_in_crs84_and_lat_first_4490_select_the_same_features()
    {
        using var client = server.CreateClient();
        double lon = SampleServerFixture.PingquanSeatLongitude, lat = SampleServerFixture.PingquanSeatLatitude;
        string lonLat = FormattableString.Invariant($"{lon - 0.05},{lat - 0.05},{lon + 0.05},{lat + 0.05}");
        string latLon = FormattableString.Invariant($"{lat - 0.05},{lon - 0.05},{lat + 0.05},{lon + 0.05}");
        using var a = JsonDocument.Parse(await client.GetStringAsync($"/collections/ghyd/items?limit=1&bbox={lonLat}"));
        using var b = JsonDocument.Parse(await client.GetStringAsync($"/collections/ghyd/items?limit=1&bbox={latLon}&bbox-crs={Epsg4490}"));
        using var all = JsonDocument.Parse(await client.GetStringAsync("/collections/ghyd/items?limit=1"));
        long inBox = a.RootElement.GetProperty("numberMatched").GetInt64();
        Assert.InRange(inBox, 1, all.RootElement.GetProperty("numberMatched").GetInt64() - 1);
        Assert.Equal(inBox, b.RootElement.GetProperty("numberMatched").GetInt64());
    }

    [Theory]
    [InlineData("/collections/ghyd/items?foo=1", "foo")]
    [InlineData("/collections/ghyd/items?limit=0", "limit")]
    [InlineData("/collections/ghyd/items?limit=ten", "limit")]
    [InlineData("/collections/ghyd/items?bbox=1,2,3", "bbox")]
    [InlineData("/collections/ghyd/items?crs=EPSG:4490", "crs")]
    [InlineData("/collections/ghyd/items?bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/9999", "bbox-crs")]
    [InlineData("/collections/ghyd/items?mj=abc", "mj")]
    [InlineData("/collections/ghyd/items?f=xml", "f")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string url, string parameter)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_limit_above_the_maximum_is_served_as_the_maximum()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/collections/xzq/items?limit=99999999"));
        Assert.Equal(json.RootElement.GetProperty("numberMatched").GetInt64(), json.RootElement.GetProperty("numberReturned").GetInt64());
    }

    [Theory]
    [InlineData("/collections/nope")]
    [InlineData("/collections/nope/items")]
    [InlineData("/collections/nope/queryables")]
    [InlineData("/collections/xzq/items/not-a-number")]
    public async Task Unknown_resources_are_404_problems(string url)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Queryables_are_a_json_schema_of_the_exposed_properties()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/collections/ghyd/queryables");
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var properties = json.RootElement.GetProperty("properties");
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", json.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("string", properties.GetProperty("xzqdm").GetProperty("type").GetString());
        Assert.Equal("number", properties.GetProperty("mj").GetProperty("type").GetString());
        Assert.Equal("geometry-multipolygon", properties.GetProperty("geometry").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Browsers_get_html_pages_with_links()
    {
        using var client = server.CreateClient();
        foreach (string url in new[] { "/", "/collections", "/collections/ghyd", "/collections/ghyd/items?limit=5", "/conformance", "/api" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            string html = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("<a href=\"", html, StringComparison.Ordinal);
        }

        string items = await client.GetStringAsync("/collections/ghyd/items?f=html&limit=5");
        Assert.Contains("/collections/ghyd/items/", items, StringComparison.Ordinal);
        Assert.Contains("offset=5", items, StringComparison.Ordinal); // next page link
    }

    [Fact]
    public async Task Api_is_an_openapi_3_document_with_every_collection_and_the_limit_bounds()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/api");
        Assert.Equal("application/vnd.oai.openapi+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "3.0");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.StartsWith("3.0", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/collections/ghyd/items", out var items));
        Assert.Contains(items.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.TryGetProperty("name", out var n) && n.GetString() == "ydyhfldm");
        var limit = root.GetProperty("components").GetProperty("parameters").GetProperty("limit").GetProperty("schema");
        Assert.Equal(10, limit.GetProperty("default").GetInt32());
        Assert.Equal(10000, limit.GetProperty("maximum").GetInt32());
    }

    [Fact]
    public async Task Equality_filters_on_exposed_properties_narrow_the_items()
    {
        using var client = server.CreateClient();
        using var all = JsonDocument.Parse(await client.GetStringAsync("/collections/ghyd/items?limit=1"));
        using var pingquan = JsonDocument.Parse(await client.GetStringAsync("/collections/ghyd/items?xzqdm=130881&limit=50"));
        long matched = pingquan.RootElement.GetProperty("numberMatched").GetInt64();
        Assert.InRange(matched, 1, all.RootElement.GetProperty("numberMatched").GetInt64() - 1);
        Assert.All(pingquan.RootElement.GetProperty("features").EnumerateArray(),
            f => Assert.Equal("130881", f.GetProperty("properties").GetProperty("xzqdm").GetString()));
        var next = pingquan.RootElement.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next");
        Assert.Contains("xzqdm=130881", next.GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_links_page_through_every_feature_once()
    {
        using var client = server.CreateClient();
        string? url = "/collections/czkfbj/items?limit=40";
        var ids = new List<long>();
        long matched = -1;
        while (url is not null)
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync(url));
            matched = page.RootElement.GetProperty("numberMatched").GetInt64();
            ids.AddRange(page.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            url = page.RootElement.GetProperty("links").EnumerateArray()
                .Where(l => l.GetProperty("rel").GetString() == "next").Select(l => l.GetProperty("href").GetString()).SingleOrDefault();
        }

        Assert.True(matched > 40);
        Assert.Equal(matched, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_feature_is_served_by_its_id_with_links_and_missing_ids_are_404()
    {
        using var client = server.CreateClient();
        using var page = JsonDocument.Parse(await client.GetStringAsync("/collections/stbhhx/items?limit=1&offset=3"));
        var listed = page.RootElement.GetProperty("features")[0];
        long id = listed.GetProperty("id").GetInt64();

        using var response = await client.GetAsync($"/collections/stbhhx/items/{id}?crs={Epsg4490}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"<{Epsg4490}>", Assert.Single(response.Headers.GetValues("Content-Crs")));
        using var feature = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(id, feature.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(listed.GetProperty("properties").GetProperty("bsm").GetString(), feature.RootElement.GetProperty("properties").GetProperty("bsm").GetString());
        var lonLat = FirstPosition(listed);
        var latLon = FirstPosition(feature.RootElement);
        Assert.Equal(lonLat[0], latLon[1], 9);
        Assert.Contains(feature.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "collection");

        string html = await client.GetStringAsync($"/collections/stbhhx/items/{id}?f=html");
        Assert.Contains("<code>bsm</code>", html, StringComparison.Ordinal);

        using var missing = await client.GetAsync("/collections/stbhhx/items/999999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    private static async Task<JsonDocument> GetJson(HttpClient client, string url, string contentCrs)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentCrs, Assert.Single(response.Headers.GetValues("Content-Crs")));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The first position of a (Multi)Polygon feature.</summary>
    private static double[] FirstPosition(JsonElement feature)
    {
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        while (coordinates[0].ValueKind == JsonValueKind.Array)
            coordinates = coordinates[0];
        return [coordinates[0].GetDouble(), coordinates[1].GetDouble()];
    }
}
