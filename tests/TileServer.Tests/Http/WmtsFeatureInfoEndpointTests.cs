namespace TileServer.Tests.Http;

using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>WMTS GetFeatureInfo (07-057r7 §7.3) on the sample GeoPackage: clicking a real 用地用海 parcel in
/// each tile matrix set names that parcel, and bad pixels answer OWS exceptions, never a 500.</summary>
public sealed class WmtsFeatureInfoEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The largest ghyd parcel near 平泉's seat and a point well inside it (NTS interior point).</summary>
    public static async Task<(string Bsm, double Longitude, double Latitude)> ParcelAsync(IServiceProvider services)
    {
        var catalog = services.GetRequiredService<ILayerCatalog>();
        Assert.True(catalog.TryGet("ghyd", out var layer));
        var box = new BoundingBox(SampleServerFixture.PingquanSeatLongitude - 0.03, SampleServerFixture.PingquanSeatLatitude - 0.03,
            SampleServerFixture.PingquanSeatLongitude + 0.03, SampleServerFixture.PingquanSeatLatitude + 0.03);
        var reader = new WKBReader();
        Geometry? best = null;
        string bsm = "";
        await foreach (var record in layer.Source.QueryAsync(new FeatureQuery("ghyd", box, ["bsm"], 300), CancellationToken.None))
        {
            var geometry = reader.Read(record.Wkb.ToArray());
            if (best is null || geometry.Area > best.Area)
            {
                best = geometry;
                bsm = Convert.ToString(record.Values[0], CultureInfo.InvariantCulture)!;
            }
        }

        Assert.NotNull(best);
        var inside = best.InteriorPoint;
        return (bsm, inside.X, inside.Y);
    }

    /// <summary>Tile and pixel (I, J) of a lon/lat point.</summary>
    public static (TileCoordinate Tile, int I, int J) Pixel(TileMatrixSet set, int zoom, double longitude, double latitude)
    {
        (double x, double y) = set.FromLonLat(longitude, latitude);
        var tile = set.TileAt(x, y, zoom);
        var bounds = set.TileBounds(tile);
        double cell = set.GetMatrix(zoom).CellSize;
        return (tile, (int)Math.Floor((x - bounds.MinX) / cell), (int)Math.Floor((bounds.MaxY - y) / cell));
    }

    [Theory]
    [InlineData("WebMercatorQuad", 16)]
    [InlineData("WorldCRS84Quad", 15)]
    [InlineData("CGCS2000Quad", 16)]
    public async Task Clicking_a_parcel_names_it_in_every_set(string setId, int zoom)
    {
        var (bsm, longitude, latitude) = await ParcelAsync(server.Factory.Services);
        var (tile, i, j) = Pixel(TileMatrixSets.Get(setId), zoom, longitude, latitude);
        using var client = server.CreateClient();
        string url = $"/wmts?service=WMTS&request=GetFeatureInfo&version=1.0.0&layer=ghyd&style=landuse&format=image/png&tilematrixset={setId}"
            + $"&tilematrix={Text(zoom)}&tilerow={Text(tile.Row)}&tilecol={Text(tile.Column)}&i={Text(i)}&j={Text(j)}&infoformat=application/json";
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToArray();
        // Parcels tile the plane without overlap, so exactly one covers the pixel centre.
        var feature = Assert.Single(features);
        Assert.Equal(bsm, feature.GetProperty("properties").GetProperty("bsm").GetString());
        Assert.False(string.IsNullOrEmpty(feature.GetProperty("properties").GetProperty("ydyhfldm").GetString()));
    }

    [Fact]
    public async Task Rest_html_and_gml_name_the_same_parcel()
    {
        var (bsm, longitude, latitude) = await ParcelAsync(server.Factory.Services);
        var (tile, i, j) = Pixel(TileMatrixSets.Get("CGCS2000Quad"), 16, longitude, latitude);
        using var client = server.CreateClient();
        string path = $"/wmts/1.0.0/ghyd/landuse/CGCS2000Quad/16/{Text(tile.Row)}/{Text(tile.Column)}/{Text(j)}/{Text(i)}";
        using var html = await client.GetAsync(path + ".html");
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<td>{bsm}</td>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var gml = await client.GetAsync(path + ".gml");
        Assert.Equal("application/vnd.ogc.gml", gml.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<ts:bsm>{bsm}</ts:bsm>", await gml.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/wmts/1.0.0/ghyd/landuse/WebMercatorQuad/12/{row}/{col}/256/0.json", "PointIJOutOfRange", "J")]
    [InlineData("/wmts/1.0.0/ghyd/landuse/WebMercatorQuad/12/{row}/{col}/0/0.pdf", "InvalidParameterValue", "InfoFormat")]
    [InlineData("/wmts?service=WMTS&request=GetFeatureInfo&version=1.0.0&layer=ghyd&style=landuse&format=image/png&tilematrixset=WebMercatorQuad&tilematrix=12&tilerow={row}&tilecol={col}&i=0&j=0&infoformat=text/plain", "InvalidParameterValue", "InfoFormat")]
    public async Task Bad_requests_are_exception_reports(string template, string code, string locator)
    {
        var tile = TileMatrixSets.WebMercatorQuad.TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 12);
        using var client = server.CreateClient();
        using var response = await client.GetAsync(template.Replace("{row}", Text(tile.Row), StringComparison.Ordinal).Replace("{col}", Text(tile.Column), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"exceptionCode=\"{code}\"", body, StringComparison.Ordinal);
        Assert.Contains($"locator=\"{locator}\"", body, StringComparison.Ordinal);
    }
}
