namespace TileServer.Sources.PostGis.Tests;

using TileServer.Core.Features;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using TileServer.Sources.PostGis.Catalog;
using TileServer.Sources.PostGis.Querying;

/// <summary>The SQL text depends only on the filter's shape (so the statement can be prepared once):
/// literals, id lists and geometries travel as typed parameters.</summary>
public sealed class PostgresFilterTranslationTests
{
    private static readonly FieldDefinition[] Fields = [new("mc", FieldType.Text), new("bh", FieldType.Integer)];

    private static readonly PostGisTable Table = new(
        new SourceLayerInfo("s.t", "geom", GeometryKind.Polygon, 4490, new BoundingBox(0, 0, 1, 1), Fields, 0),
        "s", "t", "fid", IsGeographic: false, HasZOrM: false,
        Fields.ToDictionary(f => f.Name, StringComparer.Ordinal));

    [Fact]
    public void Literals_never_reach_the_statement_text()
    {
        var (firstText, firstParameters) = Select(Query("'; DROP TABLE t; --", 7, [1], 116.5, 10, 3));
        var (secondText, secondParameters) = Select(Query("\" OR 1=1 --", -99, [2, 3, 4, 5, 6], 39.25, 20, 5));

        Assert.Equal(firstText, secondText);
        foreach (var literal in new[] { "DROP", "OR 1=1", "116.5", "39.25", "-99" })
            Assert.DoesNotContain(literal, firstText, StringComparison.Ordinal);
        Assert.Contains(firstParameters, p => Equals(p, "'; DROP TABLE t; --"));
        Assert.Contains(secondParameters, p => p is long[] ids && ids.Length == 5);
    }

    [Theory]
    [InlineData("a*b.c!%x!_", true, @"a%b_c\%x\_")]
    [InlineData(@"100%_\", true, @"100\%\_\\")]
    [InlineData("*田!!", false, "%田!")]
    public void Like_patterns_become_escaped_like_patterns(string pattern, bool matchCase, string like)
    {
        var translator = new PostgresFilterTranslator(Table);
        var sql = new LikeFilter("mc", pattern, MatchCase: matchCase).Accept(translator);

        Assert.Equal(like, Assert.Single(translator.Parameters).Value);
        Assert.Equal($"\"mc\"::text {(matchCase ? "LIKE" : "ILIKE")} @p0 ESCAPE '\\'", sql);
    }

    private static (string Text, List<object?> Values) Select(FeatureQuery query)
    {
        var translator = new PostgresFilterTranslator(Table);
        var text = FeatureQuerySql.Select(Table, Fields, query, translator);
        return (text, translator.Parameters.Select(p => p.Value).ToList());
    }

    private static FeatureQuery Query(string text, long number, long[] ids, double x, int limit, long offset) => new("s.t", new BoundingBox(x, 1, x + 1, 2), ["mc"], limit)
    {
        Filter = new AndFilter(
        [
            new ComparisonFilter("mc", ComparisonOperator.Less, FilterValue.OfText(text), MatchCase: false),
            new OrFilter([new BetweenFilter("bh", FilterValue.OfInteger(number), FilterValue.OfInteger(number + 1)), new IdFilter(ids)]),
            new NotFilter(new SpatialFilter(SpatialOperator.Within, new byte[] { 1, 2, 3 }, new BoundingBox(x, x, x + 1, x + 1))),
        ]),
        SortBy = [new SortKey("bh", Descending: true)],
        Offset = offset,
    };
}
