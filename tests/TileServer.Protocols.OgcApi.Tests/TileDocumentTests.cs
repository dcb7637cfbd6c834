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
    public void Vector_tilesets_in_every_set_and_map_tilesets_with_png_only()
    {
        var (service, _) = SampleCatalog.Create();
        var layers = service.Layers;
        var mercator = TilesetDocuments.Tileset(layers, TileMatrixSets.WebMercatorQuad, "http://example.org/collections/ghyd", "规划用地", TilesetKind.Vector);
        Assert.Equal("vector", mercator["dataType"]!.GetValue<string>());
        var items = mercator["links"]!.AsArray().Where(l => l!["rel"]!.GetValue<string>() == "item").ToList();
        Assert.Equal(["application/vnd.mapbox-vector-tile", "image/png"], items.Select(l => l!["type"]!.GetValue<string>()));
        Assert.All(items, l => Assert.True(l!["templated"]!.GetValue<bool>()));
        Assert.Contains(mercator["links"]!.AsArray(), l => l!["href"]!.GetValue<string>() == "http://example.org/tileMatrixSets/WebMercatorQuad");

        var geographic = TilesetDocuments.Tileset(layers, TileMatrixSets.Cgcs2000Quad, "http://example.org/collections/ghyd", "规划用地", TilesetKind.Vector);
        Assert.Equal("vector", geographic["dataType"]!.GetValue<string>());
        // ghyd is configured for Web Mercator zooms 0–16 in the sample catalog: CGCS2000Quad levels 1–16 by equal scale.
        var ghyd = geographic["layers"]!.AsArray().Single(l => l!["id"]!.GetValue<string>() == "ghyd")!;
        Assert.Equal("1", ghyd["minTileMatrix"]!.GetValue<string>());
        Assert.Equal("16", ghyd["maxTileMatrix"]!.GetValue<string>());

        var map = TilesetDocuments.Tileset(layers, TileMatrixSets.Cgcs2000Quad, "http://example.org/collections/ghyd", "规划用地", TilesetKind.Map);
        Assert.Equal("map", map["dataType"]!.GetValue<string>());
        Assert.Null(map["layers"]);
        Assert.IsType<JsonArray>(map["tileMatrixSetLimits"]);
        var mapItem = Assert.Single(map["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "item")!;
        Assert.Equal("http://example.org/collections/ghyd/map/tiles/CGCS2000Quad/{tileMatrix}/{tileRow}/{tileCol}?f=png", mapItem["href"]!.GetValue<string>());
    }

    [Fact]
    public void Tile_matrix_set_documents_carry_the_1_0_members_with_the_2_0_values()
    {
        var document = TileMatrixSetDocuments.Document(TileMatrixSets.Cgcs2000Quad);
        Assert.Equal("TileMatrixSetType", document["type"]!.GetValue<string>());
        Assert.Equal(document["id"]!.GetValue<string>(), document["identifier"]!.GetValue<string>());
        Assert.Equal(document["crs"]!.GetValue<string>(), document["supportedCRS"]!.GetValue<string>());
        foreach (var matrix in document["tileMatrices"]!.AsArray())
        {
            Assert.Equal(matrix!["id"]!.GetValue<string>(), matrix["identifier"]!.GetValue<string>());
            Assert.Equal(matrix["pointOfOrigin"]!.AsArray().Select(v => v!.GetValue<double>()), matrix["topLeftCorner"]!.AsArray().Select(v => v!.GetValue<double>()));
        }
    }
}
