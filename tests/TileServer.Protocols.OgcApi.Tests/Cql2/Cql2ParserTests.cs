namespace TileServer.Protocols.OgcApi.Tests.Cql2;

using TileServer.Core.Crs;
using TileServer.Core.Errors;
using TileServer.Core.Features.Filtering;
using TileServer.Protocols.OgcApi.Cql2;
using TileServer.Protocols.OgcApi.Tests.Support;

/// <summary>CQL2 text (OGC 21-065r2) into the Core filter tree on the sample layer (bsm, ydyhflmc: text; mj: real).</summary>
public sealed class Cql2ParserTests
{
    private static readonly CrsReference Epsg4490 = OgcCrs.Parse("filter-crs", "http://www.opengis.net/def/crs/EPSG/0/4490");

    private static FeatureFilter? Parse(string text, CrsReference? crs = null)
    {
        var (service, _) = SampleCatalog.Create();
        return Cql2Parser.Parse(text, service.Layer("ghyd"), crs ?? OgcCrs.Default);
    }

    private static ComparisonFilter Text(string field, string value, ComparisonOperator op = ComparisonOperator.Equal) =>
        new(field, op, FilterValue.OfText(value));

    private static ComparisonFilter Real(string field, ComparisonOperator op, double value) => new(field, op, FilterValue.OfReal(value));

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var or = Assert.IsType<OrFilter>(Parse("bsm = '1' OR bsm = '2' AND mj > 3"));
        Assert.Equal(Text("bsm", "1"), or.Operands[0]);
        var and = Assert.IsType<AndFilter>(or.Operands[1]);
        Assert.Equal([Text("bsm", "2"), Real("mj", ComparisonOperator.Greater, 3)], and.Operands);
    }

    [Fact]
    public void Not_binds_tighter_than_and_and_parentheses_regroup()
    {
        var and = Assert.IsType<AndFilter>(Parse("NOT bsm = '1' AND mj > 1"));
        Assert.Equal(new NotFilter(Text("bsm", "1")), and.Operands[0]);

        var grouped = Assert.IsType<AndFilter>(Parse("(bsm = '1' OR bsm = '2') AND mj >= 1"));
        Assert.IsType<OrFilter>(grouped.Operands[0]);
        Assert.Equal(Real("mj", ComparisonOperator.GreaterOrEqual, 1), grouped.Operands[1]);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_names_may_be_quoted()
    {
        var and = Assert.IsType<AndFilter>(Parse("\"bsm\" like '1%' and \"mj\" between 1.5 and 2e3"));
        Assert.Equal(new LikeFilter("bsm", "1%", '%', '_', '\\'), and.Operands[0]);
        Assert.Equal(new BetweenFilter("mj", FilterValue.OfReal(1.5), FilterValue.OfReal(2000)), and.Operands[1]);
    }

    [Theory]
    [InlineData("ydyhflmc = 'it''s'")]
    [InlineData("ydyhflmc = 'it\\'s'")]
    public void Quotes_inside_character_literals_are_escaped_two_ways(string filter) =>
        Assert.Equal(Text("ydyhflmc", "it's"), Parse(filter));

    [Fact]
    public void A_literal_on_the_left_mirrors_the_operator()
    {
        Assert.Equal(Real("mj", ComparisonOperator.Greater, 100), Parse("100 < mj"));
        Assert.Equal(Real("mj", ComparisonOperator.LessOrEqual, -2.5), Parse("-2.5>=mj"));
        Assert.Equal(Real("mj", ComparisonOperator.NotEqual, 7), Parse("mj <> '7'"));
    }

    [Fact]
    public void A_number_compared_with_a_string_property_is_taken_as_written() =>
        Assert.Equal(Text("bsm", "0130881"), Parse("bsm = 0130881"));

    [Fact]
    public void In_is_one_list_and_not_negates_in_like_between_and_null()
    {
        var list = Assert.IsType<InFilter>(Parse("bsm IN ('1', '2')"));
        Assert.Equal("bsm", list.Field);
        Assert.Equal([FilterValue.OfText("1"), FilterValue.OfText("2")], list.Values);
        Assert.True(list.MatchCase);
        var notIn = Assert.IsType<NotFilter>(Parse("bsm NOT IN ('1','2')"));
        Assert.Equal([FilterValue.OfText("1"), FilterValue.OfText("2")], Assert.IsType<InFilter>(notIn.Operand).Values);
        Assert.Equal(Text("bsm", "1"), Parse("bsm IN ('1')")); // A list of one is an equality.
        Assert.Equal([FilterValue.OfReal(1), FilterValue.OfReal(2.5)], Assert.IsType<InFilter>(Parse("mj IN (1, 2.5)")).Values);
        var folded = Assert.IsType<InFilter>(Parse("CASEI(ydyhflmc) IN (CASEI('Abc'), 'd')"));
        Assert.False(folded.MatchCase);
        Assert.IsType<NotFilter>(Parse("bsm NOT LIKE '1_'"));
        Assert.IsType<NotFilter>(Parse("mj NOT BETWEEN 1 AND 2"));
        Assert.Equal(new NullFilter("mj"), Parse("mj IS NULL"));
        Assert.Equal(new NotFilter(new NullFilter("mj")), Parse("mj IS NOT NULL"));
    }

    [Fact]
    public void Casei_compares_without_case()
    {
        Assert.Equal(new ComparisonFilter("ydyhflmc", ComparisonOperator.Equal, FilterValue.OfText("Abc"), MatchCase: false),
            Parse("CASEI(ydyhflmc) = casei('Abc')"));
        Assert.Equal(new LikeFilter("ydyhflmc", "a%", '%', '_', '\\', MatchCase: false), Parse("CASEI(ydyhflmc) LIKE 'a%'"));
        // ILIKE (pre-release CQL, written by GDAL 3.6's OAPIF driver) is the same.
        Assert.Equal(new LikeFilter("ydyhflmc", "a%", '%', '_', '\\', MatchCase: false), Parse("ydyhflmc ILIKE 'a%'"));
    }

    [Fact]
    public void Constant_expressions_fold_away()
    {
        Assert.Null(Parse("1=1"));
        Assert.Null(Parse("TRUE"));
        Assert.Null(Parse("mj > 1 OR 'a' = 'a'"));
        Assert.Equal(Real("mj", ComparisonOperator.Greater, 1), Parse("TRUE AND mj > 1"));
        // Always false: a contradiction on a field, so the source returns nothing.
        var never = Assert.IsType<AndFilter>(Parse("1 = 2 AND mj > 1"));
        Assert.Equal([new NullFilter("bsm"), new NotFilter(new NullFilter("bsm"))], never.Operands);
        Assert.IsType<AndFilter>(Parse("NOT TRUE"));
    }

    [Fact]
    public void Spatial_literals_are_read_in_the_filter_crs_axis_order()
    {
        var crs84 = Assert.IsType<SpatialFilter>(Parse("S_INTERSECTS(geometry, POINT(118.7 40.9))"));
        Assert.Equal(SpatialOperator.Intersects, crs84.Operator);
        Assert.Equal(118.7, crs84.Envelope.MinX, 9);
        Assert.Equal(40.9, crs84.Envelope.MinY, 9);

        // EPSG:4490 by URI is latitude first (Part 3 §8.3 via Part 2 axis order).
        var latFirst = Assert.IsType<SpatialFilter>(Parse("S_INTERSECTS(geometry, POINT(40.9 118.7))", Epsg4490));
        Assert.Equal(crs84.Envelope, latFirst.Envelope);
        Assert.Equal(crs84.Wkb.ToArray(), latFirst.Wkb.ToArray());
    }

    [Fact]
    public void Every_wkt_type_and_bbox_is_accepted()
    {
        string[] literals =
        [
            "LINESTRING(118 40, 119 41)", "POLYGON((118 40, 119 40, 119 41, 118 40))",
            "POLYGON((118 40,120 40,120 42,118 40),(118.5 40.2,119 40.2,119 40.4,118.5 40.2))",
            "MULTIPOINT((118 40),(119 41))", "MULTIPOINT(118 40, 119 41)", "MULTILINESTRING((118 40, 119 41),(118 41, 119 40))",
            "MULTIPOLYGON(((118 40, 119 40, 119 41, 118 40)),((120 40, 121 40, 121 41, 120 40)))", "POINT Z(118 40 5)",
        ];
        foreach (string literal in literals)
            Assert.IsType<SpatialFilter>(Parse($"S_INTERSECTS(geometry, {literal})"));
        var box = Assert.IsType<SpatialFilter>(Parse("S_INTERSECTS(BBOX(118.6, 40.8, 118.9, 41.0), geometry)"));
        Assert.Equal(118.6, box.Envelope.MinX, 9);
        Assert.Equal(41.0, box.Envelope.MaxY, 9);
        var collection = Assert.IsType<OrFilter>(Parse("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(118 40), LINESTRING(118 40, 119 41)))"));
        Assert.Equal(2, collection.Operands.Count);
    }

    [Fact]
    public void Within_disjoint_and_contains_map_onto_the_core_operators()
    {
        const string Box = "POLYGON((118 40, 119 40, 119 41, 118 41, 118 40))";
        Assert.Equal(SpatialOperator.Within, Assert.IsType<SpatialFilter>(Parse($"S_WITHIN(geometry, {Box})")).Operator);
        Assert.Equal(SpatialOperator.Within, Assert.IsType<SpatialFilter>(Parse($"S_CONTAINS({Box}, geometry)")).Operator);
        var disjoint = Assert.IsType<NotFilter>(Parse($"S_DISJOINT(geometry, {Box})"));
        Assert.Equal(SpatialOperator.Intersects, Assert.IsType<SpatialFilter>(disjoint.Operand).Operator);
    }

    [Theory]
    [InlineData("mj >", 5, "end of the filter")]
    [InlineData("mj > 'abc'", 6, "is not a number")]
    [InlineData("nosuch = 1", 1, "not a queryable")]
    [InlineData("bsm = mj", 7, "two properties")]
    [InlineData("mj LIKE '1%'", 1, "string property")]
    [InlineData("bsm = 'abc", 7, "not closed")]
    [InlineData("bsm = '1' AND", 14, "end of the filter")]
    [InlineData("(bsm = '1'", 11, "expected ')'")]
    [InlineData("bsm = '1' bsm = '2'", 11, "expected AND, OR")]
    [InlineData("S_TOUCHES(geometry, POINT(1 2))", 1, "unsupported spatial function")]
    [InlineData("S_WITHIN(POINT(118 40), geometry)", 1, "feature inside")]
    [InlineData("mj + 1 > 2", 4, "arithmetic")]
    [InlineData("bsm = DATE('2020-01-01')", 7, "temporal")]
    [InlineData("bsm = TRUE", 7, "not a boolean")]
    [InlineData("S_INTERSECTS(geometry, POINT(1))", 31, "a number")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((118 40, 119 40, 119 41)))", 24, "invalid POLYGON")]
    [InlineData("S_INTERSECTS(geometry, BBOX(1, 2, 3))", 24, "4 (or 6) numbers")]
    [InlineData("S_INTERSECTS(bsm, POINT(1 2))", 14, "geometry property")]
    [InlineData("geometry IS NULL", 1, "spatial function")]
    [InlineData("bsm BETWEEN 'a' 'b'", 17, "expected AND")]
    [InlineData("bsm IN ()", 9, "expected a property or a literal")]
    [InlineData("mj > 1e", 7, "exponent")]
    [InlineData("", 1, "empty")]
    [InlineData("S_INTERSECTS(geometry, POINT(118 95))", 24, "latitudes must lie within")]
    [InlineData("S_INTERSECTS(geometry, POINT(200 40.9))", 24, "longitudes must lie within")] // was 200 with no match
    [InlineData("S_INTERSECTS(geometry, BBOX(-181, 40, 119, 41))", 24, "longitudes must lie within")]
    public void Bad_filters_name_the_position(string filter, int position, string message)
    {
        var (service, _) = SampleCatalog.Create();
        var error = Assert.Throws<InvalidParameterException>(() => Cql2Parser.Parse(filter, service.Layer("ghyd"), OgcCrs.Default));
        Assert.Equal("filter", error.Parameter);
        Assert.Contains($"at character {position}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_it_can_exhaust_the_stack()
    {
        var (service, _) = SampleCatalog.Create();
        string deep = new string('(', 5000) + "mj > 1" + new string(')', 5000);
        var error = Assert.Throws<InvalidParameterException>(() => Cql2Parser.Parse(deep, service.Layer("ghyd"), OgcCrs.Default));
        Assert.Contains("nests deeper", error.Message, StringComparison.Ordinal);
        string nots = string.Concat(Enumerable.Repeat("NOT ", 5000)) + "mj > 1";
        Assert.Throws<InvalidParameterException>(() => Cql2Parser.Parse(nots, service.Layer("ghyd"), OgcCrs.Default));
        Assert.IsType<ComparisonFilter>(Parse(new string('(', 30) + "mj > 1" + new string(')', 30)));
    }

    [Fact]
    public void A_latitude_first_crs_rejects_a_longitude_in_the_latitude_place()
    {
        var (service, _) = SampleCatalog.Create();
        var error = Assert.Throws<InvalidParameterException>(() => Cql2Parser.Parse("S_INTERSECTS(geometry, POINT(118.7 40.9))", service.Layer("ghyd"), Epsg4490));
        Assert.Contains("latitudes", error.Message, StringComparison.Ordinal);
    }
}
