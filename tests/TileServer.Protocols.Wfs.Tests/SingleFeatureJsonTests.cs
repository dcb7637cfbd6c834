namespace TileServer.Protocols.Wfs.Tests;

using System.Text.Json;

/// <summary>GetFeatureById (09-025r2 §7.9.3.6) as GeoJSON names its CRS by the same rule as the collection output:
/// a projected srsName gets the 2008 GeoJSON "crs" member (EPSG:n, easting first as written); a geographic one
/// gets none, RFC 7946's lon/lat being implied.</summary>
public sealed class SingleFeatureJsonTests
{
    private const string ById = "?service=WFS&version=2.0.0&request=GetFeature&storedQuery_Id=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=ghyd.1&outputFormat=application/json";
    private const string Collection = "?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:ghyd&count=1&outputFormat=application/json";

    private static async Task<JsonElement> JsonAsync(string query)
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, query);
        Assert.True(status == 200, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    [Theory]
    [InlineData("urn:ogc:def:crs:EPSG::4549", "EPSG:4549")]
    [InlineData("EPSG:4549", "EPSG:4549")]
    [InlineData("EPSG:3857", "EPSG:3857")]
    [InlineData("urn:ogc:def:crs:EPSG::4528", "EPSG:4528")]
    public async Task A_projected_srs_name_is_named_on_the_single_feature_as_on_the_collection(string srsName, string expected)
    {
        var feature = await JsonAsync(ById + "&srsName=" + srsName);
        var collection = await JsonAsync(Collection + "&srsName=" + srsName);
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("ghyd.1", feature.GetProperty("id").GetString());
        Assert.Equal(expected, feature.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("name", feature.GetProperty("crs").GetProperty("type").GetString());
        Assert.Equal(collection.GetProperty("crs").GetRawText(), feature.GetProperty("crs").GetRawText());
        // The coordinates are the collection's first feature's, so the name matches what is written.
        Assert.Equal(collection.GetProperty("features")[0].GetProperty("geometry").GetRawText(), feature.GetProperty("geometry").GetRawText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&srsName=EPSG:4490")]
    [InlineData("&srsName=urn:ogc:def:crs:EPSG::4326")]
    public async Task A_geographic_srs_name_leaves_the_crs_out_on_both(string srsName)
    {
        var feature = await JsonAsync(ById + srsName);
        var collection = await JsonAsync(Collection + srsName);
        Assert.False(feature.TryGetProperty("crs", out _));
        Assert.False(collection.TryGetProperty("crs", out _));
        Assert.Equal(118.70, feature.GetProperty("geometry").GetProperty("coordinates")[0][0][0][0].GetDouble(), 1e-9);
    }
}
