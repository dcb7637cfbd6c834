namespace TileServer.Tests.Http;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>OGC API – Tiles over HTTP on the sample GeoPackage, next to the XYZ routes it must not shadow.</summary>
public sealed class OgcApiTilesTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Tile_matrix_sets_are_listed_and_described_with_exact_numbers()
    {
        using var client = server.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync("/tileMatrixSets"));
        Assert.Equal(["WebMercatorQuad", "WorldCRS84Quad", "CGCS2000Quad"],
            list.RootElement.GetProperty("tileMatrixSets").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        using var mercator = JsonDocument.Parse(await client.GetStringAsync("/tileMatrixSets/WebMercatorQuad"));
        var m0 = mercator.RootElement.GetProperty("tileMatrices")[0];
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", mercator.RootElement.GetProperty("uri").GetString());
        Assert.Equal(559082264.0287178, m0.GetProperty("scaleDenominator").GetDouble());
        Assert.Equal(156543.03392804097, m0.GetProperty("cellSize").GetDouble());
        Assert.Equal(-20037508.342789244, m0.GetProperty("pointOfOrigin")[0].GetDouble());
        Assert.Equal(25, mercator.RootElement.GetProperty("tileMatrices").GetArrayLength());

        using var cgcs = JsonDocument.Parse(await client.GetStringAsync("/tileMatrixSets/CGCS2000Quad"));
        var c1 = cgcs.RootElement.GetProperty("tileMatrices")[0];
        Assert.Equal("1", c1.GetProperty("id").GetString());
        Assert.Equal([90.0, -180.0], c1.GetProperty("pointOfOrigin").EnumerateArray().Select(v => v.GetDouble())); // lat first
        Assert.Equal(2, c1.GetProperty("matrixWidth").GetInt32());
        Assert.Equal(1, c1.GetProperty("matrixHeight").GetInt32());
        Assert.Equal(["Lat", "Lon"], cgcs.RootElement.GetProperty("orderedAxes").EnumerateArray().Select(a => a.GetString()));

        // The 1.0 encoding's members beside the 2.0 ones (GDAL 3.6 reads only those), with the same values.
        Assert.Equal("TileMatrixSetType", cgcs.RootElement.GetProperty("type").GetString());
        Assert.Equal("CGCS2000Quad", cgcs.RootElement.GetProperty("identifier").GetString());
        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/4490", cgcs.RootElement.GetProperty("supportedCRS").GetString());
        Assert.Equal("1", c1.GetProperty("identifier").GetString());
        Assert.Equal([90.0, -180.0], c1.GetProperty("topLeftCorner").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(-20037508.342789244, m0.GetProperty("topLeftCorner")[0].GetDouble());

        using var missing = await client.GetAsync("/tileMatrixSets/Nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Collection_tilesets_carry_limits_and_tile_templates()
    {
        using var client = server.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync("/collections/xzq/tiles"));
        Assert.Equal(3, list.RootElement.GetProperty("tilesets").GetArrayLength());
        using var tileset = JsonDocument.Parse(await client.GetStringAsync("/collections/xzq/tiles/WebMercatorQuad"));
        var root = tileset.RootElement;
        Assert.Equal("vector", root.GetProperty("dataType").GetString());
        Assert.Contains(root.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "item"
            && l.GetProperty("href").GetString() == "http://localhost/collections/xzq/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}?f=mvt");
        var limits = root.GetProperty("tileMatrixSetLimits").EnumerateArray().ToList();
        Assert.NotEmpty(limits);
        var z8 = limits.Single(l => l.GetProperty("tileMatrix").GetString() == "8");
        var expected = TileMatrixSets.WebMercatorQuad.TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 8);
        Assert.InRange(expected.Row, z8.GetProperty("minTileRow").GetInt32(), z8.GetProperty("maxTileRow").GetInt32());
        Assert.InRange(expected.Column, z8.GetProperty("minTileCol").GetInt32(), z8.GetProperty("maxTileCol").GetInt32());
    }

    [Fact]
    public async Task Collection_and_dataset_tiles_are_mvt_and_png()
    {
        using var client = server.CreateClient();
        var tile = TileMatrixSets.WebMercatorQuad.TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 10);
        using var mvt = await client.GetAsync($"/collections/xzq/tiles/WebMercatorQuad/10/{tile.Row}/{tile.Column}");
        Assert.Equal(HttpStatusCode.OK, mvt.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", mvt.Content.Headers.ContentType!.MediaType);

        var xyz = await client.GetByteArrayAsync($"/tiles/xzq/10/{tile.Column}/{tile.Row}.mvt");
        Assert.Equal(xyz, await mvt.Content.ReadAsByteArrayAsync()); // same tile as XYZ (x = col, y = row)

        using var dataset = await client.GetAsync($"/tiles/WebMercatorQuad/10/{tile.Row}/{tile.Column}");
        Assert.Equal(HttpStatusCode.OK, dataset.StatusCode);
        Assert.True((await dataset.Content.ReadAsByteArrayAsync()).Length > xyz.Length); // all layers

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/collections/xzq/tiles/WebMercatorQuad/10/{tile.Row}/{tile.Column}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
        using var png = await client.SendAsync(request);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);

        var geographic = TileMatrixSets.Cgcs2000Quad.TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 10);
        using var cgcs = await client.GetAsync($"/collections/xzq/tiles/CGCS2000Quad/10/{geographic.Row}/{geographic.Column}?f=png");
        Assert.Equal(HttpStatusCode.OK, cgcs.StatusCode);
        Assert.Equal("image/png", cgcs.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Vector_tilesets_exist_in_every_set_and_map_tilesets_beside_them()
    {
        using var client = server.CreateClient();
        using var vector = JsonDocument.Parse(await client.GetStringAsync("/collections/xzq/tiles"));
        Assert.All(vector.RootElement.GetProperty("tilesets").EnumerateArray(), t => Assert.Equal("vector", t.GetProperty("dataType").GetString()));
        using var map = JsonDocument.Parse(await client.GetStringAsync("/collections/xzq/map/tiles"));
        var mapSets = map.RootElement.GetProperty("tilesets").EnumerateArray().ToList();
        Assert.Equal(3, mapSets.Count);
        Assert.All(mapSets, t => Assert.Equal("map", t.GetProperty("dataType").GetString()));

        using var cgcsVector = JsonDocument.Parse(await client.GetStringAsync("/collections/xzq/tiles/CGCS2000Quad"));
        Assert.Contains(cgcsVector.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "item"
            && l.GetProperty("href").GetString() == "http://localhost/collections/xzq/tiles/CGCS2000Quad/{tileMatrix}/{tileRow}/{tileCol}?f=mvt");
        Assert.Equal("xzq", cgcsVector.RootElement.GetProperty("layers")[0].GetProperty("id").GetString());

        var geographic = TileMatrixSets.Cgcs2000Quad.TileAtLonLat(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 10);
        using var mvt = await client.GetAsync($"/collections/xzq/tiles/CGCS2000Quad/10/{geographic.Row}/{geographic.Column}");
        Assert.Equal(HttpStatusCode.OK, mvt.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", mvt.Content.Headers.ContentType!.MediaType);
        using var png = await client.GetAsync($"/collections/xzq/map/tiles/CGCS2000Quad/10/{geographic.Row}/{geographic.Column}");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        using var mvtFromMap = await client.GetAsync($"/collections/xzq/map/tiles/CGCS2000Quad/10/{geographic.Row}/{geographic.Column}?f=mvt");
        Assert.Equal(HttpStatusCode.BadRequest, mvtFromMap.StatusCode);
        Assert.Equal("application/problem+json", mvtFromMap.Content.Headers.ContentType!.MediaType);

        // A geographic MVT tile is not the Web Mercator tile of the same numbers.
        var mercator = await client.GetByteArrayAsync($"/tiles/xzq/10/{geographic.Column}/{geographic.Row}.mvt");
        Assert.NotEqual(mercator, await mvt.Content.ReadAsByteArrayAsync());

        using var collection = JsonDocument.Parse(await client.GetStringAsync("/collections/xzq"));
        var links = collection.RootElement.GetProperty("links").EnumerateArray().ToList();
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map"
            && l.GetProperty("href").GetString() == "http://localhost/collections/xzq/map/tiles" && l.GetProperty("type").GetString() == "application/json");
        // Untyped on purpose (GDAL 3.6 would let it spoil a raster open; see CollectionDocuments).
        var vectorLink = Assert.Single(links, l => l.GetProperty("rel").GetString() == "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
        Assert.Equal("http://localhost/collections/xzq/tiles", vectorLink.GetProperty("href").GetString());
        Assert.False(vectorLink.TryGetProperty("type", out _));
    }

    [Theory]
    [InlineData("/collections/xzq/map/tiles/WebMercatorQuad/10/0/0")] // outside the limits
    [InlineData("/collections/xzq/tiles/CGCS2000Quad/30/0/0")] // no such tile matrix
    [InlineData("/collections/xzq/tiles/WebMercatorQuad/10/0/0")] // outside the limits
    [InlineData("/collections/xzq/tiles/WebMercatorQuad/30/0/0")] // no such tile matrix
    [InlineData("/collections/xzq/tiles/WebMercatorQuad/2/9/9")] // outside the matrix
    [InlineData("/collections/xzq/tiles/Nope/1/0/0")]
    [InlineData("/collections/nope/tiles/WebMercatorQuad/1/0/0")]
    [InlineData("/tiles/WebMercatorQuad/10/0/0")]
    [InlineData("/tiles/CGCS2000Quad/0/0/0")] // CGCS2000Quad starts at 1
    public async Task Tiles_outside_the_tileset_are_404_problems(string url)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Xyz_routes_keep_their_requests()
    {
        using var client = server.CreateClient();
        using var tileJson = JsonDocument.Parse(await client.GetStringAsync("/tiles/xzq.json"));
        Assert.True(tileJson.RootElement.TryGetProperty("tilejson", out _));
        using var unknownXyz = await client.GetAsync("/tiles/WebMercatorQuad/1/0/0.mvt");
        Assert.Equal(HttpStatusCode.NotFound, unknownXyz.StatusCode); // an XYZ request for a layer of that name
        using var dataset = JsonDocument.Parse(await client.GetStringAsync("/tiles/WebMercatorQuad"));
        Assert.Equal("vector", dataset.RootElement.GetProperty("dataType").GetString());
    }

    [Fact]
    public async Task An_empty_tile_inside_the_limits_is_204()
    {
        using var client = server.CreateClient();
        using var tileset = JsonDocument.Parse(await client.GetStringAsync("/collections/czkfbj/tiles/WebMercatorQuad"));
        // The limits box spans both units (平泉市 and 二连浩特市): its deepest corner tiles lie between them.
        var deepest = tileset.RootElement.GetProperty("tileMatrixSetLimits").EnumerateArray().Last();
        string m = deepest.GetProperty("tileMatrix").GetString()!;
        int row = deepest.GetProperty("minTileRow").GetInt32(), col = deepest.GetProperty("maxTileCol").GetInt32();
        using var response = await client.GetAsync($"/collections/czkfbj/tiles/WebMercatorQuad/{m}/{row}/{col}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
