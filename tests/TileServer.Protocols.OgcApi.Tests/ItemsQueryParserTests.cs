namespace TileServer.Protocols.OgcApi.Tests;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using TileServer.Core.Crs;
using TileServer.Core.Errors;
using TileServer.Core.Features.Filtering;
using TileServer.Protocols.OgcApi.Tests.Support;

public sealed class ItemsQueryParserTests
{
    private static readonly OgcApiOptions Options = new() { DefaultLimit = 10, MaxLimit = 100 };

    private static ItemsQuery Parse(params (string Name, string Value)[] parameters)
    {
        var (service, _) = SampleCatalog.Create();
        var query = new QueryCollection(parameters.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => new StringValues([.. g.Select(p => p.Value)])));
        return ItemsQueryParser.Parse(query, service.Layer("ghyd"), Options);
    }

    [Fact]
    public void Defaults_are_crs84_the_default_limit_and_no_filter()
    {
        var query = Parse();
        Assert.Equal(10, query.Limit);
        Assert.Equal(0, query.Offset);
        Assert.Same(CrsRegistry.Crs84, query.Crs.Crs);
        Assert.False(query.Crs.SwapsAxes);
        Assert.Null(query.Request.Filter);
        Assert.Null(query.Request.Bounds);
    }

    [Fact]
    public void A_limit_above_the_maximum_is_clamped_and_offset_passes_through()
    {
        var query = Parse(("limit", "5000"), ("offset", "40"));
        Assert.Equal(100, query.Limit);
        Assert.Equal(100, query.Request.Limit);
        Assert.Equal(40, query.Request.Offset);
    }

    [Fact]
    public void Property_parameters_become_typed_equality_filters()
    {
        var single = Parse(("ydyhflmc", "旱地"));
        Assert.Equal(new ComparisonFilter("ydyhflmc", ComparisonOperator.Equal, FilterValue.OfText("旱地")), single.Request.Filter);

        var both = Assert.IsType<AndFilter>(Parse(("ydyhflmc", "旱地"), ("mj", "100")).Request.Filter);
        Assert.Contains(new ComparisonFilter("mj", ComparisonOperator.Equal, FilterValue.OfReal(100)), both.Operands);
    }

    [Fact]
    public void Bbox_follows_the_axis_order_of_bbox_crs()
    {
        var lonFirst = Parse(("bbox", "118.7,40.9,118.8,41.0")).Request.Bounds!.Value;
        var latFirst = Parse(("bbox", "40.9,118.7,41.0,118.8"), ("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4490")).Request.Bounds!.Value;
        Assert.Equal(lonFirst, latFirst);
        Assert.Equal(118.7, lonFirst.MinX);
        Assert.Equal(41.0, lonFirst.MaxY);
    }

    [Fact]
    public void A_gauss_kruger_bbox_is_northing_first_and_transformed_to_lon_lat()
    {
        // EPSG:4549 (CM 120°E): 平泉 ≈ X 4 540 000 m north, Y 390 000 m east.
        var box = Parse(("bbox", "4530000,380000,4550000,400000"), ("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/4549")).Request.Bounds!.Value;
        Assert.InRange(box.MinX, 118.5, 118.8);
        Assert.InRange(box.MinY, 40.8, 41.1);
    }

    [Fact]
    public void Crs_uri_of_4490_swaps_axes_and_gk_zones_are_projected()
    {
        var geographic = Parse(("crs", "http://www.opengis.net/def/crs/EPSG/0/4490"));
        Assert.True(geographic.Crs.SwapsAxes);
        Assert.Same(CrsRegistry.Cgcs2000, geographic.Request.OutputCrs);
        Assert.Equal("<http://www.opengis.net/def/crs/EPSG/0/4490>", OgcCrs.HeaderValue(geographic.Crs));
        Assert.Equal("4549", Parse(("crs", "http://www.opengis.net/def/crs/EPSG/0/4549")).Request.OutputCrs.Code);
    }

    [Theory]
    [InlineData("limit", "0")]
    [InlineData("limit", "-1")]
    [InlineData("offset", "-5")]
    [InlineData("bbox", "1,2,3")]
    [InlineData("bbox", "3,2,1,4")]
    [InlineData("bbox", "a,b,c,d")]
    [InlineData("crs", "EPSG:4490")]
    [InlineData("crs", "urn:ogc:def:crs:EPSG::4490")]
    [InlineData("bbox-crs", "http://www.opengis.net/def/crs/EPSG/0/2000")]
    [InlineData("mj", "large")]
    [InlineData("secret", "1")]
    [InlineData("datetime", "yesterday")]
    [InlineData("filter", "mj >")]
    [InlineData("filter-lang", "cql2-json")]
    [InlineData("filter-crs", "EPSG:4490")]
    [InlineData("sortby", "nosuch")]
    [InlineData("sortby", "-mj,,bsm")]
    [InlineData("sortby", "mj,-mj")]
    public void Bad_values_name_their_parameter(string name, string value)
    {
        var error = Assert.Throws<InvalidParameterException>(() => Parse((name, value)));
        Assert.Equal(name, error.Parameter);
    }

    [Theory]
    [InlineData("2020-01-01T00:00:00Z")]
    [InlineData("2020-01-01T08:00:00.5+08:00")]
    [InlineData("2020-01-01")]
    [InlineData("2020-01-01T00:00:00Z/..")]
    [InlineData("../2020-01-01T00:00:00Z")]
    [InlineData("/2020-01-01")] // Part 1 1.0.1: an empty string also opens an end
    [InlineData("2019-01-01/2020-01-01T00:00:00Z")]
    public void Datetime_instants_and_intervals_are_accepted(string value)
    {
        Assert.Equal(10, Parse(("datetime", value)).Limit);
    }

    /// <summary>Part 1 §7.15.5 (/req/core/fc-time-definition): an RFC 3339 date or date-time, or an interval of two with at
    /// most one open end. .NET's lenient DateTimeOffset.TryParse let a bare time of day, an interval open at both ends,
    /// three parts and an interval ending before it starts through.</summary>
    [Theory]
    [InlineData("12:00")]
    [InlineData("2020-01-01 00:00:00")]
    [InlineData("2020-01-01T00:00:00")] // no offset: RFC 3339 date-times carry one
    [InlineData("../..")]
    [InlineData("/")]
    [InlineData("..")]
    [InlineData("2020-01-01/2020-01-02/2020-01-03")]
    [InlineData("2020-01-01T00:00:00Z/2019-01-01T00:00:00Z")]
    [InlineData("2020-02-30")]
    public void Datetime_outside_rfc_3339_and_the_interval_rules_is_refused(string value)
    {
        var error = Assert.Throws<InvalidParameterException>(() => Parse(("datetime", value)));
        Assert.Equal("datetime", error.Parameter);
    }

    [Fact]
    public void A_repeated_parameter_is_refused()
    {
        Assert.Equal("limit", Assert.Throws<InvalidParameterException>(() => Parse(("limit", "1"), ("limit", "2"))).Parameter);
    }

    [Fact]
    public void A_cql2_filter_joins_the_equality_parameters_with_and()
    {
        var filter = Assert.IsType<AndFilter>(Parse(("ydyhflmc", "旱地"), ("filter", "mj > 100"), ("filter-lang", "cql2-text")).Request.Filter);
        Assert.Equal(new ComparisonFilter("ydyhflmc", ComparisonOperator.Equal, FilterValue.OfText("旱地")), filter.Operands[0]);
        Assert.Equal(new ComparisonFilter("mj", ComparisonOperator.Greater, FilterValue.OfReal(100)), filter.Operands[1]);
        Assert.Null(Parse(("filter", " ")).Request.Filter);
        Assert.IsType<ComparisonFilter>(Parse(("filter", "(mj > 100)"), ("filter-lang", "cql-text")).Request.Filter);
        Assert.Null(Parse(("filter", "1=1")).Request.Filter);
    }

    [Fact]
    public void Filter_crs_sets_the_axis_order_of_spatial_literals()
    {
        var lonFirst = Assert.IsType<SpatialFilter>(Parse(("filter", "S_INTERSECTS(geometry, BBOX(118.7,40.9,118.8,41.0))")).Request.Filter);
        var latFirst = Assert.IsType<SpatialFilter>(Parse(("filter", "S_INTERSECTS(geometry, BBOX(40.9,118.7,41.0,118.8))"),
            ("filter-crs", "http://www.opengis.net/def/crs/EPSG/0/4490")).Request.Filter);
        Assert.Equal(lonFirst.Envelope, latFirst.Envelope);
        Assert.Equal(118.7, lonFirst.Envelope.MinX, 9);
    }

    [Fact]
    public void Sortby_reads_signs_and_a_plus_decoded_to_a_space()
    {
        var keys = Parse(("sortby", "-mj, bsm,+ydyhflmc")).Request.SortBy;
        Assert.Equal([new SortKey("mj", Descending: true), new SortKey("bsm"), new SortKey("ydyhflmc")], keys);
        Assert.Empty(Parse().Request.SortBy);
    }
}
