namespace TileServer.Http.Tests;

using Microsoft.AspNetCore.Http;

public sealed class ConditionalRequestTests
{
    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)] // §13.1.2: weak comparison
    [InlineData("\"x\", \"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("\"abd\"", false)]
    [InlineData("\"abc-gzip\"", false)]
    public void If_none_match_compares_weakly_and_honours_the_wildcard(string header, bool matches)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfNoneMatch = header;

        Assert.Equal(matches, ConditionalRequest.IfNoneMatchMatches(context.Request, "\"abc\""));
    }

    [Theory]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abd\"", false)]
    public void A_weak_current_tag_is_compared_weakly_too(string header, bool matches)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfNoneMatch = header;

        Assert.Equal(matches, ConditionalRequest.IfNoneMatchMatches(context.Request, "W/\"abc\""));
    }

    [Fact]
    public void Without_if_none_match_nothing_matches()
    {
        Assert.False(ConditionalRequest.IfNoneMatchMatches(new DefaultHttpContext().Request, "\"abc\""));
    }
}
