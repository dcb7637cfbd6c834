namespace TileServer.Core.Tests.Features;

using TileServer.Core.Errors;
using TileServer.Core.Features.Filtering;

public sealed class LikePatternTests
{
    /// <summary>A readable target syntax: literal runs in braces, any run as ~, one character as ^.</summary>
    private static string Rewrite(LikeFilter filter) => LikePattern.Rewrite(filter, text => "{" + text + "}", "~", "^");

    [Theory]
    [InlineData("abc", "{abc}")]
    [InlineData("*", "~")]
    [InlineData("a*b.c", "{a}~{b}^{c}")]
    [InlineData("**..", "~~^^")]
    [InlineData("!*!.!!", "{*.!}")]
    [InlineData("x!*y*", "{x*y}~")]
    [InlineData("永久.农田*", "{永久}^{农田}~")]
    [InlineData("", "")]
    public void Fes_defaults_map_to_runs_and_wildcards(string pattern, string expected) =>
        Assert.Equal(expected, Rewrite(new LikeFilter("f", pattern)));

    [Fact]
    public void Custom_special_characters_are_honoured_and_others_are_literal()
    {
        Assert.Equal("{100%}~", Rewrite(new LikeFilter("f", @"100\%%", '%', '_', '\\')));
        Assert.Equal("{a*b.c!}^", Rewrite(new LikeFilter("f", "a*b.c!_", '%', '_', '\\')));
    }

    [Fact]
    public void Literal_runs_reach_the_escaper_whole()
    {
        var runs = new List<string>();
        LikePattern.Rewrite(new LikeFilter("f", "Ab𝒳c*dE"), text => { runs.Add(text); return text.ToLowerInvariant(); }, "%", "_");

        Assert.Equal(["Ab𝒳c", "dE"], runs);
    }

    [Theory]
    [InlineData("abc!", '*', '.', '!')]
    [InlineData("abc", '*', '*', '!')]
    [InlineData("abc", '*', '.', '.')]
    [InlineData("abc", '!', '.', '!')]
    public void Ambiguous_patterns_are_the_clients_error(string pattern, char wildCard, char singleChar, char escapeChar)
    {
        var e = Assert.Throws<InvalidParameterException>(() => Rewrite(new LikeFilter("f", pattern, wildCard, singleChar, escapeChar)));
        Assert.Equal("filter", e.Parameter);
    }
}
