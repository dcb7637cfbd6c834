namespace TileServer.Protocols.Wmts.Tests;

using System.Globalization;
using System.Xml.Linq;
using TileServer.Core.Tiling;

public sealed class WmtsCapabilitiesDocumentTests
{
    private static readonly XNamespace Wmts = WmtsNamespaces.Wmts;
    private static readonly XNamespace Ows = WmtsNamespaces.Ows;

    private static XDocument Parsed() =>
        XDocument.Parse(System.Text.Encoding.UTF8.GetString(
            WmtsXml.Serialize(WmtsCapabilitiesDocument.Build(WmtsTestData.Layers(), "http://example.test", new WmtsOptions()))));

    private static XElement Set(XDocument doc, string id) =>
        doc.Root!.Element(Wmts + "Contents")!.Elements(Wmts + "TileMatrixSet").Single(s => s.Element(Ows + "Identifier")!.Value == id);

    [Fact]
    public void Root_is_wmts_1_0_0_capabilities_with_bilingual_service_identification()
    {
        var doc = Parsed();
        Assert.Equal(Wmts + "Capabilities", doc.Root!.Name);
        Assert.Equal("1.0.0", doc.Root.Attribute("version")!.Value);
        var id = doc.Root.Element(Ows + "ServiceIdentification")!;
        Assert.Equal(["zh", "en"], id.Elements(Ows + "Title").Select(t => t.Attribute(XNamespace.Xml + "lang")!.Value));
        Assert.Equal(2, id.Elements(Ows + "Abstract").Count());
        Assert.Equal("OGC WMTS", id.Element(Ows + "ServiceType")!.Value);
    }

    [Fact]
    public void Operations_offer_kvp_and_restful_encodings()
    {
        var ops = Parsed().Root!.Element(Ows + "OperationsMetadata")!.Elements(Ows + "Operation").ToList();
        Assert.Equal(["GetCapabilities", "GetTile", "GetFeatureInfo"], ops.Select(o => o.Attribute("name")!.Value));
        foreach (var op in ops)
        {
            Assert.Equal(["KVP", "RESTful"], op.Descendants(Ows + "Value").Select(v => v.Value));
        }
    }

    [Fact]
    public void Only_styled_layers_are_published_with_titles_bbox_style_format_and_template()
    {
        var layers = Parsed().Root!.Element(Wmts + "Contents")!.Elements(Wmts + "Layer").ToList();
        var layer = Assert.Single(layers);
        Assert.Equal("xzq", layer.Element(Ows + "Identifier")!.Value);
        Assert.Equal("行政区", layer.Elements(Ows + "Title").Single(t => t.Attribute(XNamespace.Xml + "lang")!.Value == "zh").Value);
        Assert.Equal("Administrative divisions", layer.Elements(Ows + "Title").Single(t => t.Attribute(XNamespace.Xml + "lang")!.Value == "en").Value);
        var bbox = layer.Element(Ows + "WGS84BoundingBox")!;
        Assert.Equal("118.5 40.8", bbox.Element(Ows + "LowerCorner")!.Value);
        Assert.Equal("119 41.2", bbox.Element(Ows + "UpperCorner")!.Value);
        Assert.Equal("xzq", layer.Element(Wmts + "Style")!.Element(Ows + "Identifier")!.Value);
        Assert.Equal("image/png", layer.Element(Wmts + "Format")!.Value);
        Assert.Equal("http://example.test/wmts/1.0.0/xzq/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png",
            layer.Element(Wmts + "ResourceURL")!.Attribute("template")!.Value);
    }

    [Fact]
    public void Limits_equal_TileMatrixSet_LimitsFor_the_layer_extent()
    {
        var link = Parsed().Root!.Descendants(Wmts + "TileMatrixSetLink").Single(l => l.Element(Wmts + "TileMatrixSet")!.Value == "WebMercatorQuad");
        var limits = link.Descendants(Wmts + "TileMatrixLimits").ToList();
        Assert.Equal(17, limits.Count);
        foreach (var element in limits)
        {
            int zoom = int.Parse(element.Element(Wmts + "TileMatrix")!.Value, CultureInfo.InvariantCulture);
            var expected = TileMatrixSets.WebMercatorQuad.LimitsFor(WmtsTestData.Extent, zoom);
            Assert.Equal(expected.MinRow, Int(element, "MinTileRow"));
            Assert.Equal(expected.MaxRow, Int(element, "MaxTileRow"));
            Assert.Equal(expected.MinColumn, Int(element, "MinTileCol"));
            Assert.Equal(expected.MaxColumn, Int(element, "MaxTileCol"));
        }
    }

    [Theory]
    [InlineData("WebMercatorQuad", "urn:ogc:def:crs:EPSG::3857", "-20037508.342789244 20037508.342789244")]
    [InlineData("WorldCRS84Quad", "urn:ogc:def:crs:OGC:1.3:CRS84", "-180 90")]
    [InlineData("CGCS2000Quad", "urn:ogc:def:crs:EPSG::4490", "90 -180")]
    public void Tile_matrix_sets_have_crs_exact_scales_and_axis_ordered_corners(string id, string crs, string corner)
    {
        var element = Set(Parsed(), id);
        var set = TileMatrixSets.Get(id);
        Assert.Equal(crs, element.Element(Ows + "SupportedCRS")!.Value);
        var matrices = element.Elements(Wmts + "TileMatrix").ToList();
        Assert.Equal(set.Matrices.Count, matrices.Count);
        for (int i = 0; i < matrices.Count; i++)
        {
            var expected = set.Matrices[i];
            Assert.Equal(expected.Identifier, matrices[i].Element(Ows + "Identifier")!.Value);
            Assert.Equal(expected.ScaleDenominator, double.Parse(matrices[i].Element(Wmts + "ScaleDenominator")!.Value, CultureInfo.InvariantCulture));
            Assert.Equal(corner, matrices[i].Element(Wmts + "TopLeftCorner")!.Value);
            Assert.Equal(expected.MatrixWidth, Int(matrices[i], "MatrixWidth"));
            Assert.Equal(expected.MatrixHeight, Int(matrices[i], "MatrixHeight"));
            Assert.Equal(256, Int(matrices[i], "TileWidth"));
            Assert.Equal(256, Int(matrices[i], "TileHeight"));
        }
    }

    [Fact]
    public void WebMercatorQuad_is_GoogleMapsCompatible_with_the_published_level_0_scale()
    {
        var element = Set(Parsed(), "WebMercatorQuad");
        Assert.Equal("urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible", element.Element(Wmts + "WellKnownScaleSet")!.Value);
        Assert.Equal("559082264.0287178", element.Elements(Wmts + "TileMatrix").First().Element(Wmts + "ScaleDenominator")!.Value);
        Assert.Null(Set(Parsed(), "CGCS2000Quad").Element(Wmts + "WellKnownScaleSet"));
    }

    [Fact]
    public void Geographic_levels_map_to_web_mercator_zooms_by_scale()
    {
        Assert.Equal((1, 16), WmtsTileMatrixSets.LevelsFor(TileMatrixSets.Cgcs2000Quad, 0, 16));
        Assert.Equal((0, 15), WmtsTileMatrixSets.LevelsFor(TileMatrixSets.WorldCrs84Quad, 0, 16));
        Assert.Equal((10, 16), WmtsTileMatrixSets.LevelsFor(TileMatrixSets.WebMercatorQuad, 10, 16));
    }

    private static int Int(XElement parent, string name) =>
        int.Parse(parent.Element(Wmts + name)!.Value, CultureInfo.InvariantCulture);
}
