namespace TileServer.Protocols.OgcApi.Tests;

using System.Text.Json.Nodes;
using TileServer.Core.Tiling;
using TileServer.Protocols.OgcApi.Tests.Support;

public sealed class TileDocumentTests
{
    [Fact]
    public void WorldCrs84Quad_has_the_annex_d2_numbers_and_lon_first_origin()
    {
        var document = TileMatrixSetDocuments.Document(TileMatrixSets.WorldCrs84Quad);
        Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", document["crs"]!.GetValue<string>());
        Assert.Equal("http://www.opengis.net/def/wkss/OGC/1.0/GoogleCRS84Quad", document["wellKnownScaleSet"]!.GetValue<string>());
        var level0 = document["tileMatrices"]![0]!;
        Assert.Equal(279541132.0143589, level0["scaleDenominator"]!.GetValue<double>());
        Assert.Equal(0.703125, level0["cellSize"]!.GetValue<double>());
        Assert.Equal([-180.0, 90.0], level0["pointOfOrigin"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(2, level0["matrixWidth"]!.GetValue<int>());
        Assert.Equal(["Lon", "Lat"], document["orderedAxes"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Cgcs2000Quad_has_no_registered_uri()
    {
        Assert.Null(TileMatrixSetDocuments.RegisteredUri(TileMatrixSets.Cgcs2000Quad));
        var list = TileMatrixSetDocuments.List("http://example.org");
        var cgcs = list["tileMatrixSets"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "CGCS2000Quad")!;
        Assert.Null(cgcs["uri"]);
        Assert.Equal("http://example.org/tileMatrixSets/CGCS2000Quad", cgcs["links"]![0]!["href"]!.GetValue<string>());
    }

    [Fact]
    public void Limits_cover_the_extent_at_the_layer_zooms_and_geographic_levels_match_by_scale()
    {
        var (service, _) = SampleCatalog.Create();
        var layer = service.Layer("ghyd"); // in-memory extent: the whole world, zooms 0–16
        var mercator = TilesetLimits.For([layer], TileMatrixSets.WebMercatorQuad);
        Assert.Equal(17, mercator.Count);
        Assert.Equal("0", mercator[0].TileMatrix);
        Assert.True(TilesetLimits.Contains(mercator, new TileCoordinate(3, 7, 7)));
        Assert.False(TilesetLimits.Contains(mercator, new TileCoordinate(17, 0, 0)));

        // WorldCRS84Quad level n has the scale of Web Mercator zoom n + 1: zooms 1–16 are its levels 0–15.
        var crs84 = TilesetLimits.For([layer], TileMatrixSets.WorldCrs84Quad);
        Assert.Equal(Enumerable.Range(0, 16).Select(z => z.ToString(System.Globalization.CultureInfo.InvariantCulture)), crs84.Select(l => l.TileMatrix));
    }

    [Fact]
    public void Vector_tilesets_only_on_web_mercator_with_templated_mvt_links()
    {
        var (service, _) = SampleCatalog.Create();
        var layers = service.Layers;
        var mercator = TilesetDocuments.Tileset(layers, TileMatrixSets.WebMercatorQuad, "http://example.org/collections/ghyd", "规划用地");
        Assert.Equal("vector", mercator["dataType"]!.GetValue<string>());
        var items = mercator["links"]!.AsArray().Where(l => l!["rel"]!.GetValue<string>() == "item").ToList();
        Assert.Equal(["application/vnd.mapbox-vector-tile", "image/png"], items.Select(l => l!["type"]!.GetValue<string>()));
        Assert.All(items, l => Assert.True(l!["templated"]!.GetValue<bool>()));
        Assert.Contains(mercator["links"]!.AsArray(), l => l!["href"]!.GetValue<string>() == "http://example.org/tileMatrixSets/WebMercatorQuad");

        var geographic = TilesetDocuments.Tileset(layers, TileMatrixSets.Cgcs2000Quad, "http://example.org/collections/ghyd", "规划用地");
        Assert.Equal("map", geographic["dataType"]!.GetValue<string>());
        Assert.Null(geographic["layers"]);
        Assert.IsType<JsonArray>(geographic["tileMatrixSetLimits"]);
    }
}
