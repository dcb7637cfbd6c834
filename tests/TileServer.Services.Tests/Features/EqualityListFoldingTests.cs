namespace TileServer.Services.Tests.Features;

using TileServer.Core.Features.Filtering;
using TileServer.Services.Features;

/// <summary>The equalities of an OR that share a property, case rule and literal type become one IN list in place of
/// the first of them; everything else keeps its place and shape.</summary>
public sealed class EqualityListFoldingTests
{
    private static ComparisonFilter Equal(string field, string text, bool matchCase = true) =>
        new(field, ComparisonOperator.Equal, FilterValue.OfText(text), matchCase);

    [Fact]
    public void Equalities_on_one_property_become_one_list_in_order()
    {
        var folded = EqualityListFolding.Fold(new OrFilter([Equal("dm", "0101"), Equal("dm", "0102"), Equal("dm", "0103")]));

        var list = Assert.IsType<InFilter>(folded);
        Assert.Equal("dm", list.Field);
        Assert.True(list.MatchCase);
        Assert.Equal(["0101", "0102", "0103"], list.Values.Select(v => v.Text));
    }

    [Fact]
    public void Other_operands_keep_their_place_and_each_property_gets_its_own_list()
    {
        var like = new LikeFilter("mc", "旱*");
        var folded = EqualityListFolding.Fold(new OrFilter(
        [
            like, Equal("dm", "0101"), Equal("mc", "水田"), Equal("dm", "0102"),
            new ComparisonFilter("dm", ComparisonOperator.NotEqual, FilterValue.OfText("0103")), Equal("mc", "旱地"),
        ]));

        var or = Assert.IsType<OrFilter>(folded);
        Assert.Equal(4, or.Operands.Count);
        Assert.Same(like, or.Operands[0]);
        Assert.Equal(["0101", "0102"], Assert.IsType<InFilter>(or.Operands[1]).Values.Select(v => v.Text));
        Assert.Equal(["水田", "旱地"], Assert.IsType<InFilter>(or.Operands[2]).Values.Select(v => v.Text));
        Assert.Equal(ComparisonOperator.NotEqual, Assert.IsType<ComparisonFilter>(or.Operands[3]).Operator);
    }

    [Fact]
    public void Case_rules_and_literal_types_are_not_mixed()
    {
        var folded = EqualityListFolding.Fold(new OrFilter(
        [
            Equal("dm", "a"), Equal("dm", "B", matchCase: false), Equal("dm", "c"), Equal("dm", "D", matchCase: false),
            new ComparisonFilter("dm", ComparisonOperator.Equal, FilterValue.OfInteger(5)),
        ]));

        var or = Assert.IsType<OrFilter>(folded);
        Assert.Equal(3, or.Operands.Count);
        var sensitive = Assert.IsType<InFilter>(or.Operands[0]);
        Assert.True(sensitive.MatchCase);
        Assert.Equal(["a", "c"], sensitive.Values.Select(v => v.Text));
        var insensitive = Assert.IsType<InFilter>(or.Operands[1]);
        Assert.False(insensitive.MatchCase);
        Assert.Equal(["B", "D"], insensitive.Values.Select(v => v.Text));
        Assert.Equal(5, Assert.IsType<ComparisonFilter>(or.Operands[2]).Value.Integer);
    }

    [Fact]
    public void Ors_inside_and_and_not_are_folded_and_a_lone_equality_stays_a_comparison()
    {
        var lone = Equal("mc", "x");
        var folded = EqualityListFolding.Fold(new AndFilter(
        [
            new NotFilter(new OrFilter([Equal("dm", "1"), Equal("dm", "2")])),
            new OrFilter([lone, new NullFilter("mc")]),
        ]));

        var and = Assert.IsType<AndFilter>(folded);
        var not = Assert.IsType<NotFilter>(and.Operands[0]);
        Assert.Equal(2, Assert.IsType<InFilter>(not.Operand).Values.Count);
        var or = Assert.IsType<OrFilter>(and.Operands[1]);
        Assert.Same(lone, or.Operands[0]);
        Assert.IsType<NullFilter>(or.Operands[1]);
        Assert.Null(EqualityListFolding.Fold(null));
    }
}
