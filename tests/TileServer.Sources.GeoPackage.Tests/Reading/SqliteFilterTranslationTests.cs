namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Sources.GeoPackage.Reading;

/// <summary>The SQL text depends only on the filter's shape: literals, ids and geometries travel as
/// parameters, and names come from the catalogue.</summary>
public sealed class SqliteFilterTranslationTests
{
    private static readonly FieldDefinition[] Fields = [new("mc", FieldType.Text), new("bh", FieldType.Integer)];

    private static readonly GeoPackageTable Table = new(
        new SourceLayerInfo("t", "geom", GeometryKind.Polygon, 4490, new BoundingBox(0, 0, 1, 1), Fields, 0),
        "fid",
        "rtree_t_geom",
        Fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void Literals_never_reach_the_statement_text()
    {
        var first = RefinedQuerySql.Select(Table, Fields, Query("'; DROP TABLE t; --", 7, [1], 116.5, 10, 3));
        var second = RefinedQuerySql.Select(Table, Fields, Query("\" OR 1=1 --", -99, [2, 3, 4, 5, 6], 39.25, 20, 0));

        Assert.Equal(first.Text, second.Text);
        foreach (var literal in new[] { "DROP", "OR 1=1", "116.5", "39.25", "-99" })
            Assert.DoesNotContain(literal, first.Text + second.Text, StringComparison.Ordinal);
        Assert.Contains(first.Parameters, p => Equals(p.Value, "'; DROP TABLE t; --"));
        Assert.Contains(second.Parameters, p => Equals(p.Value, "[2,3,4,5,6]"));
        Assert.Equal(RefinedQuerySql.Count(Table, Query("a", 1, [1], 1, 1, 1)).Text, RefinedQuerySql.Count(Table, Query("b", 2, [1, 2], 2, 2, 2)).Text);
    }

    [Theory]
    [InlineData("a*b.c![x!*", true, "a*b?c[[]x[*]")]
    [InlineData("100%_?", true, "100%_[?]")]
    [InlineData("ÄB*", false, "äb*")]
    [InlineData("!!!.", true, "!.")]
    public void Like_patterns_become_glob_patterns(string pattern, bool matchCase, string glob)
    {
        var statement = RefinedQuerySql.Select(Table, [], new FeatureQuery("t", null, []) { Filter = new LikeFilter("MC", pattern, MatchCase: matchCase) });

        Assert.Equal(glob, Assert.Single(statement.Parameters).Value);
        Assert.Contains(matchCase ? "t.\"mc\" GLOB @f0" : "ts_lower(t.\"mc\") GLOB @f0", statement.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "t.\"mc\" IN (SELECT value FROM json_each(@f0))", "[\"Ab\",\"'x'\",\"永久\"]")]
    [InlineData(false, "ts_lower(t.\"mc\") IN (SELECT value FROM json_each(@f0))", "[\"ab\",\"'x'\",\"永久\"]")]
    public void A_text_list_is_one_json_parameter(bool matchCase, string sql, string json)
    {
        var filter = new InFilter("mc", [FilterValue.OfText("Ab"), FilterValue.OfText("'x'"), FilterValue.OfText("永久")], matchCase);
        var statement = RefinedQuerySql.Count(Table, new FeatureQuery("t", null, []) { Filter = filter });

        Assert.Contains(sql, statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" OR ", statement.Text, StringComparison.Ordinal);
        Assert.Equal(json, statement.Parameters[0].Value);
    }

    [Fact]
    public void Integer_lists_share_one_statement_text_and_reals_are_bound_one_by_one()
    {
        static SqlStatement Count(InFilter filter) => RefinedQuerySql.Count(Table, new FeatureQuery("t", null, []) { Filter = filter });
        var two = Count(new InFilter("bh", [FilterValue.OfInteger(1), FilterValue.OfInteger(-2)]));
        var three = Count(new InFilter("bh", [FilterValue.OfInteger(1), FilterValue.OfInteger(2), FilterValue.OfInteger(3)]));
        Assert.Equal(two.Text, three.Text);
        Assert.Equal("[1,-2]", two.Parameters[0].Value);

        var reals = Count(new InFilter("bh", [FilterValue.OfReal(0.1), FilterValue.OfReal(2.5)]));
        Assert.Contains("t.\"bh\" IN (@f0, @f1)", reals.Text, StringComparison.Ordinal);
        Assert.Equal([0.1, 2.5], reals.Parameters.Take(2).Select(p => (double)p.Value));
    }

    private static FeatureQuery Query(string text, long number, long[] ids, double x, int limit, long offset) => new("t", new BoundingBox(x, 1, x + 1, 2), ["mc"], limit)
    {
        Filter = new AndFilter(
        [
            new ComparisonFilter("mc", ComparisonOperator.Equal, FilterValue.OfText(text)),
            new OrFilter([new BetweenFilter("bh", FilterValue.OfInteger(number), FilterValue.OfInteger(number + 1)), new IdFilter(ids)]),
            new NotFilter(new SpatialFilter(SpatialOperator.Within, new byte[] { 1, 2, 3 }, new BoundingBox(x, x, x + 1, x + 1))),
        ]),
        SortBy = [new SortKey("bh", Descending: true)],
        Offset = offset,
    };
}
