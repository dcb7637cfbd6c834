namespace TileServer.Protocols.Wfs.Tests;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using TileServer.Protocols.Wfs.Fes;

/// <summary>FES 2.0 (09-026r2) XML → the Core filter tree, typed against the layer's fields, with geometry
/// operands read in their srsName's axis order and brought to CGCS2000 longitude/latitude.</summary>
public sealed class FesFilterParserTests
{
    private const string Ns = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";

    private static FeatureFilter Parse(string body, CrsReference? crs = null)
    {
        var (service, _) = WfsTestData.Create();
        var parser = new FesFilterParser(WfsTestData.Layer(service), crs ?? StorageGeometry.DefaultCrs);
        return parser.Parse(FesFilterParser.ParseXml($"<fes:Filter {Ns}>{body}</fes:Filter>"));
    }

    private static string Compare(string op, string property, string literal) =>
        $"<fes:{op}><fes:ValueReference>{property}</fes:ValueReference><fes:Literal>{literal}</fes:Literal></fes:{op}>";

    [Theory]
    [InlineData("PropertyIsEqualTo", ComparisonOperator.Equal)]
    [InlineData("PropertyIsNotEqualTo", ComparisonOperator.NotEqual)]
    [InlineData("PropertyIsLessThan", ComparisonOperator.Less)]
    [InlineData("PropertyIsGreaterThan", ComparisonOperator.Greater)]
    [InlineData("PropertyIsLessThanOrEqualTo", ComparisonOperator.LessOrEqual)]
    [InlineData("PropertyIsGreaterThanOrEqualTo", ComparisonOperator.GreaterOrEqual)]
    public void Comparisons_carry_typed_literals(string element, ComparisonOperator op)
    {
        Assert.Equal(new ComparisonFilter("zs", op, FilterValue.OfInteger(3)), Parse(Compare(element, "gh:zs", "3")));
        Assert.Equal(new ComparisonFilter("mj", op, FilterValue.OfReal(1.5)), Parse(Compare(element, "mj", " 1.5 ")));
        Assert.Equal(new ComparisonFilter("bsm", op, FilterValue.OfText("007")), Parse(Compare(element, "bsm", "007")));
    }

    [Fact]
    public void A_literal_first_comparison_is_mirrored_and_matchCase_read()
    {
        var filter = Parse("<fes:PropertyIsLessThan matchCase=\"false\"><fes:Literal>5</fes:Literal><fes:ValueReference>mj</fes:ValueReference></fes:PropertyIsLessThan>");
        Assert.Equal(new ComparisonFilter("mj", ComparisonOperator.Greater, FilterValue.OfReal(5), MatchCase: false), filter);
    }

    [Fact]
    public void Like_null_between_and_logic()
    {
        var filter = Parse("""
            <fes:Or>
              <fes:And>
                <fes:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\"><fes:ValueReference>ydyhflmc</fes:ValueReference><fes:Literal>城镇%</fes:Literal></fes:PropertyIsLike>
                <fes:Not><fes:PropertyIsNull><fes:ValueReference>zs</fes:ValueReference></fes:PropertyIsNull></fes:Not>
              </fes:And>
              <fes:PropertyIsBetween><fes:ValueReference>mj</fes:ValueReference>
                <fes:LowerBoundary><fes:Literal>10</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Literal>100</fes:Literal></fes:UpperBoundary>
              </fes:PropertyIsBetween>
            </fes:Or>
            """);
        var or = Assert.IsType<OrFilter>(filter);
        var and = Assert.IsType<AndFilter>(or.Operands[0]);
        Assert.Equal(new LikeFilter("ydyhflmc", "城镇%", '%', '_', '\\'), and.Operands[0]);
        Assert.Equal(new NotFilter(new NullFilter("zs")), and.Operands[1]);
        Assert.Equal(new BetweenFilter("mj", FilterValue.OfReal(10), FilterValue.OfReal(100)), or.Operands[1]);
    }

    [Fact]
    public void Nil_without_a_reason_is_a_null_test()
    {
        var filter = Parse("<fes:Not><fes:PropertyIsNil><fes:ValueReference>zs</fes:ValueReference></fes:PropertyIsNil></fes:Not>");
        Assert.Equal(new NotFilter(new NullFilter("zs")), filter);
    }

    [Fact]
    public void Resource_ids_are_collected()
    {
        var filter = Parse("<fes:ResourceId rid=\"ghyd.2\"/><fes:ResourceId rid=\"ghyd.9\"/>");
        Assert.Equal([2L, 9L], Assert.IsType<IdFilter>(filter).Fids);
    }

    [Fact]
    public void Bbox_envelope_in_the_urn_form_is_latitude_first()
    {
        var filter = Assert.IsType<SpatialFilter>(Parse("""
            <fes:BBOX><fes:ValueReference>geom</fes:ValueReference>
              <gml:Envelope srsName="urn:ogc:def:crs:EPSG::4490"><gml:lowerCorner>40.8 118.6</gml:lowerCorner><gml:upperCorner>41.0 118.8</gml:upperCorner></gml:Envelope>
            </fes:BBOX>
            """));
        Assert.Equal(SpatialOperator.BBox, filter.Operator);
        Assert.Equal(118.6, filter.Envelope.MinX, 1e-12);
        Assert.Equal(40.8, filter.Envelope.MinY, 1e-12);
        Assert.Equal(118.8, filter.Envelope.MaxX, 1e-12);
        var polygon = new WKBReader().Read(filter.Wkb.ToArray());
        Assert.Equal(0.2 * 0.2, polygon.Area, 1e-9);
    }

    [Fact]
    public void Envelope_without_srsName_uses_the_query_crs()
    {
        var filter = Assert.IsType<SpatialFilter>(Parse(
            "<fes:BBOX><gml:Envelope><gml:lowerCorner>118.6 40.8</gml:lowerCorner><gml:upperCorner>118.8 41.0</gml:upperCorner></gml:Envelope></fes:BBOX>",
            new CrsReference(CrsRegistry.Cgcs2000, CrsForm.Short)));
        Assert.Equal(118.6, filter.Envelope.MinX, 1e-12);
    }

    [Fact]
    public void Intersects_polygon_in_a_gauss_kruger_zone_comes_back_in_degrees()
    {
        var transformer = CrsTransformer.FromStorage(CrsRegistry.FindEpsg(4549)!);
        var (e1, n1) = transformer.Transform(118.70, 40.90);
        var (e2, n2) = transformer.Transform(118.72, 40.92);
        string I(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        // EPSG URN: northing first.
        string posList = $"{I(n1)} {I(e1)} {I(n1)} {I(e2)} {I(n2)} {I(e2)} {I(n2)} {I(e1)} {I(n1)} {I(e1)}";
        var filter = Assert.IsType<SpatialFilter>(Parse($"""
            <fes:Intersects><fes:ValueReference>gh:geom</fes:ValueReference>
              <gml:Polygon gml:id="p" srsName="urn:ogc:def:crs:EPSG::4549"><gml:exterior><gml:LinearRing><gml:posList>{posList}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
            </fes:Intersects>
            """));
        Assert.Equal(SpatialOperator.Intersects, filter.Operator);
        // The corners given come back where they were projected from (the other two are skewed by meridian convergence).
        var shell = ((Polygon)new WKBReader().Read(filter.Wkb.ToArray())).Shell.Coordinates;
        Assert.Equal(118.70, shell[0].X, 1e-7);
        Assert.Equal(40.90, shell[0].Y, 1e-7);
        Assert.Equal(118.72, shell[2].X, 1e-7);
        Assert.Equal(40.92, shell[2].Y, 1e-7);
        Assert.InRange(filter.Envelope.MinX, 118.69, 118.70);
    }

    [Theory]
    [InlineData("<gml:Point srsName=\"EPSG:4490\"><gml:pos>118.7 40.9</gml:pos></gml:Point>", typeof(Point))]
    [InlineData("<gml:LineString srsName=\"EPSG:4490\"><gml:posList>118.7 40.9 118.8 41</gml:posList></gml:LineString>", typeof(LineString))]
    [InlineData("<gml:MultiPoint srsName=\"EPSG:4490\"><gml:pointMember><gml:Point><gml:pos>118.7 40.9</gml:pos></gml:Point></gml:pointMember></gml:MultiPoint>", typeof(MultiPoint))]
    [InlineData("<gml:MultiCurve srsName=\"EPSG:4490\"><gml:curveMember><gml:LineString><gml:posList>118.7 40.9 118.8 41</gml:posList></gml:LineString></gml:curveMember></gml:MultiCurve>", typeof(MultiLineString))]
    [InlineData("<gml:MultiSurface srsName=\"EPSG:4490\"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>118.7 40.9 118.8 40.9 118.8 41 118.7 40.9</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>", typeof(MultiPolygon))]
    public void Within_accepts_every_listed_geometry_operand(string gml, Type type)
    {
        var filter = Assert.IsType<SpatialFilter>(Parse($"<fes:Within><fes:ValueReference>geom</fes:ValueReference>{gml}</fes:Within>"));
        Assert.Equal(SpatialOperator.Within, filter.Operator);
        Assert.IsType(type, new WKBReader().Read(filter.Wkb.ToArray()));
        Assert.Equal(118.7, filter.Envelope.MinX, 1e-12);
    }

    [Theory]
    [InlineData("<fes:PropertyIsEqualTo><fes:ValueReference>secret</fes:ValueReference><fes:Literal>1</fes:Literal></fes:PropertyIsEqualTo>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:PropertyIsEqualTo><fes:ValueReference>mj</fes:ValueReference><fes:Literal>abc</fes:Literal></fes:PropertyIsEqualTo>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:Beyond><fes:ValueReference>geom</fes:ValueReference></fes:Beyond>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:PropertyIsEqualTo><fes:ValueReference>mj</fes:ValueReference></fes:PropertyIsEqualTo>", WfsException.OperationParsingFailed)]
    [InlineData("<fes:PropertyIsLike wildCard=\"*\" singleChar=\"*\" escapeChar=\"!\"><fes:ValueReference>bsm</fes:ValueReference><fes:Literal>1*</fes:Literal></fes:PropertyIsLike>", WfsException.OperationParsingFailed)]
    [InlineData("<fes:ResourceId rid=\"xzq.1\"/>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:BBOX><gml:Envelope srsName=\"EPSG:9999\"><gml:lowerCorner>0 0</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></fes:BBOX>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:BBOX><gml:Envelope><gml:lowerCorner>0 x</gml:lowerCorner><gml:upperCorner>1 1</gml:upperCorner></gml:Envelope></fes:BBOX>", WfsException.OperationParsingFailed)]
    [InlineData("<fes:Intersects><fes:ValueReference>mj</fes:ValueReference><gml:Point><gml:pos>1 1</gml:pos></gml:Point></fes:Intersects>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:BBOX><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:lowerCorner>118 40</gml:lowerCorner><gml:upperCorner>119 41</gml:upperCorner></gml:Envelope></fes:BBOX>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:PropertyIsNil nilReason=\"missing\"><fes:ValueReference>zs</fes:ValueReference></fes:PropertyIsNil>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:PropertyIsNil><fes:ValueReference>nope</fes:ValueReference></fes:PropertyIsNil>", WfsException.InvalidParameterValue)]
    [InlineData("<fes:And/>", WfsException.OperationParsingFailed)]
    [InlineData("", WfsException.OperationParsingFailed)]
    public void Bad_filters_are_reported_on_the_filter_locator(string body, string code)
    {
        var error = Assert.Throws<WfsException>(() => Parse(body));
        Assert.Equal(code, error.Code);
        Assert.Equal("filter", error.Locator);
    }

    [Fact]
    public void Not_an_fes_filter_fails_parsing()
    {
        var (service, _) = WfsTestData.Create();
        var parser = new FesFilterParser(WfsTestData.Layer(service), StorageGeometry.DefaultCrs);
        Assert.Equal(WfsException.OperationParsingFailed,
            Assert.Throws<WfsException>(() => parser.Parse(FesFilterParser.ParseXml("<ogc:Filter xmlns:ogc=\"http://www.opengis.net/ogc\"/>"))).Code);
        Assert.Equal(WfsException.OperationParsingFailed, Assert.Throws<WfsException>(() => FesFilterParser.ParseXml("<fes:Filter")).Code);
    }
}
