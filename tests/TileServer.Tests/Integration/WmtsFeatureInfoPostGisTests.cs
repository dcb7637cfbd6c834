namespace TileServer.Tests.Integration;

using System.Globalization;
using System.Net;
using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Tests.Http;
using TileServer.Tests.Support;

/// <summary>WMTS GetFeatureInfo (07-057r7 §7.3) over the sample imported into a real PostGIS: clicking a parcel
/// names it in every tile matrix set and info format, with the attributes the source data gave it.</summary>
public sealed class WmtsFeatureInfoPostGisTests(PostGisServerFixture postgis) : IClassFixture<PostGisServerFixture>
{
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("WebMercatorQuad", 16)]
    [InlineData("WorldCRS84Quad", 15)]
    [InlineData("CGCS2000Quad", 16)]
    public async Task Clicking_a_parcel_names_it_with_its_source_attributes(string setId, int zoom)
    {
        var (bsm, longitude, latitude) = await WmtsFeatureInfoEndpointTests.ParcelAsync(postgis.Factory.Services);
        var (tile, i, j) = WmtsFeatureInfoEndpointTests.Pixel(TileMatrixSets.Get(setId), zoom, longitude, latitude);
        using var client = postgis.CreateClient();
        string url = $"/wmts?service=WMTS&request=GetFeatureInfo&version=1.0.0&layer=ghyd&style=landuse&format=image/png&tilematrixset={setId}"
            + $"&tilematrix={Text(zoom)}&tilerow={Text(tile.Row)}&tilecol={Text(tile.Column)}&i={Text(i)}&j={Text(j)}&infoformat=application/json";

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var properties = Assert.Single(json.RootElement.GetProperty("features").EnumerateArray()).GetProperty("properties");
        Assert.Equal(bsm, properties.GetProperty("bsm").GetString());
        var source = SharedSample.Dataset.Layer("ghyd");
        int bsmField = source.Schema.Fields.ToList().FindIndex(f => f.Name == "bsm");
        int classField = source.Schema.Fields.ToList().FindIndex(f => f.Name == "ydyhfldm");
        var parcel = Assert.Single(source.Features, f => Convert.ToString(f.Values[bsmField], CultureInfo.InvariantCulture) == bsm);
        Assert.Equal(Convert.ToString(parcel.Values[classField], CultureInfo.InvariantCulture), properties.GetProperty("ydyhfldm").GetString());
    }

    [Fact]
    public async Task Html_and_gml_name_the_same_parcel_and_a_pixel_outside_the_tile_is_an_exception()
    {
        var (bsm, longitude, latitude) = await WmtsFeatureInfoEndpointTests.ParcelAsync(postgis.Factory.Services);
        var (tile, i, j) = WmtsFeatureInfoEndpointTests.Pixel(TileMatrixSets.Get("CGCS2000Quad"), 16, longitude, latitude);
        using var client = postgis.CreateClient();
        string path = $"/wmts/1.0.0/ghyd/landuse/CGCS2000Quad/16/{Text(tile.Row)}/{Text(tile.Column)}";

        using var html = await client.GetAsync($"{path}/{Text(j)}/{Text(i)}.html");
        Assert.Contains($"<td>{bsm}</td>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var gml = await client.GetAsync($"{path}/{Text(j)}/{Text(i)}.gml");
        Assert.Contains($"<ts:bsm>{bsm}</ts:bsm>", await gml.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var outside = await client.GetAsync($"{path}/256/0.json");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("exceptionCode=\"PointIJOutOfRange\"", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
