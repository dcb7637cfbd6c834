namespace TileServer.Core.Tests.Features.Filtering;

using TileServer.Core.Features.Filtering;

/// <summary>An IN list holds at least one literal, all of one type, so a source can bind it as one typed list.</summary>
public sealed class InFilterTests
{
    [Fact]
    public void A_list_keeps_its_field_values_and_case_rule()
    {
        var filter = new InFilter("dm", [FilterValue.OfText("0101"), FilterValue.OfText("0103")], matchCase: false);

        Assert.Equal("dm", filter.Field);
        Assert.Equal(["0101", "0103"], filter.Values.Select(v => v.Text));
        Assert.False(filter.MatchCase);
    }

    [Fact]
    public void Empty_and_mixed_lists_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InFilter("dm", []));
        Assert.Throws<ArgumentException>(() => new InFilter("mj", [FilterValue.OfReal(1), FilterValue.OfInteger(2)]));
        Assert.Throws<ArgumentException>(() => new InFilter("", [FilterValue.OfInteger(2)]));
    }
}
