namespace TileServer.Tests.Integration;

using System.Net;
using System.Text.Json;
using TileServer.Tests.Support;

/// <summary>OGC API – Features on PostGIS answers like on the GeoPackage the data came from: the same counts, pages,
/// filtered features and Gauss-Krüger coordinates (the PostGIS source translates filters and paging to SQL).</summary>
public sealed class PostGisOgcApiTests(PostGisServerFixture postgis, SampleServerFixture geopackage)
    : IClassFixture<PostGisServerFixture>, IClassFixture<SampleServerFixture>
{
    [Theory]
    [InlineData("/collections/yjjbnt/items?xzqdm=130881&limit=7&offset=14")]
    [InlineData("/collections/stbhhx/items?limit=5&offset=160&crs=http://www.opengis.net/def/crs/EPSG/0/4549")]
    [InlineData("/collections/czkfbj/items?bbox=118.6,40.9,118.8,41.1&limit=100")]
    // CQL2 filters (Part 3) and sortby: both sources translate the same filter tree to their own SQL.
    [InlineData("/collections/ghyd/items?filter=ydyhfldm%20LIKE%20%2703%25%27%20AND%20mj%20%3E%2010000&sortby=-mj,bsm&limit=20&offset=20")]
    [InlineData("/collections/czkfbj/items?filter=S_INTERSECTS(geometry,POLYGON((118.6%2040.9,118.8%2040.9,118.8%2041.1,118.6%2041.1,118.6%2040.9)))&limit=100")]
    [InlineData("/collections/yjjbnt/items?filter=CASEI(xzqmc)%20LIKE%20%27%25%E5%B9%B3%E6%B3%89%25%27%20AND%20NOT%20yjjbntmj%20BETWEEN%201000%20AND%205000&sortby=yjjbntmj,bsm&limit=10&offset=5")]
    [InlineData("/collections/czkfbj/items?filter=S_WITHIN(geometry,BBOX(4500000,350000,4600000,450000))&filter-crs=http://www.opengis.net/def/crs/EPSG/0/4549&limit=50")]
    public async Task Items_equal_those_served_from_the_geopackage(string url)
    {
        using var pgClient = postgis.CreateClient();
        using var gpkgClient = geopackage.CreateClient();
        using var fromPostGis = await GetAsync(pgClient, url);
        using var fromGeoPackage = await GetAsync(gpkgClient, url);
        var a = fromPostGis.RootElement;
        var b = fromGeoPackage.RootElement;
        Assert.Equal(b.GetProperty("numberMatched").GetInt64(), a.GetProperty("numberMatched").GetInt64());
        Assert.Equal(b.GetProperty("numberReturned").GetInt64(), a.GetProperty("numberReturned").GetInt64());
        Assert.True(a.GetProperty("numberReturned").GetInt64() > 0);
        var pgFeatures = a.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("properties").GetProperty("bsm").GetString()!);
        foreach (var feature in b.GetProperty("features").EnumerateArray())
        {
            var match = pgFeatures[feature.GetProperty("properties").GetProperty("bsm").GetString()!];
            Assert.Equal(feature.GetProperty("properties").ToString(), match.GetProperty("properties").ToString());
            var p = First(match.GetProperty("geometry").GetProperty("coordinates"));
            var g = First(feature.GetProperty("geometry").GetProperty("coordinates"));
            double tolerance = url.Contains("4549", StringComparison.Ordinal) ? 0.001 : 1e-7; // 1 mm, or 1e-7°
            Assert.Equal(g.First, p.First, tolerance);
            Assert.Equal(g.Second, p.Second, tolerance);
        }
    }

    [Fact]
    public async Task A_feature_is_served_by_id_and_a_missing_one_is_404()
    {
        using var client = postgis.CreateClient();
        using var page = await GetAsync(client, "/collections/xzq/items?limit=1");
        long id = page.RootElement.GetProperty("features")[0].GetProperty("id").GetInt64();
        using var response = await client.GetAsync($"/collections/xzq/items/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var missing = await client.GetAsync("/collections/xzq/items/987654321");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static (double First, double Second) First(JsonElement coordinates)
    {
        while (coordinates[0].ValueKind == JsonValueKind.Array)
            coordinates = coordinates[0];
        return (coordinates[0].GetDouble(), coordinates[1].GetDouble());
    }
}
