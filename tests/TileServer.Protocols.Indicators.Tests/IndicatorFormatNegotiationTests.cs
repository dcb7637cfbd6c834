namespace TileServer.Protocols.Indicators.Tests;

using Microsoft.AspNetCore.Http;

public sealed class IndicatorFormatNegotiationTests
{
    [Theory]
    [InlineData("?f=json", null, IndicatorFormat.Json)]
    [InlineData("?f=HTML", null, IndicatorFormat.Html)]
    [InlineData("?f=csv", "text/html", IndicatorFormat.Csv)]
    [InlineData("", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", IndicatorFormat.Html)]
    [InlineData("", "text/csv", IndicatorFormat.Csv)]
    [InlineData("", "text/html;q=0.5,application/json", IndicatorFormat.Json)]
    [InlineData("", "*/*", IndicatorFormat.Json)]
    [InlineData("", null, IndicatorFormat.Json)]
    // RFC 9110 §12.5.1: a range names every type it matches; text/* accepts HTML and CSV but not JSON, so
    // answering JSON ignored a header that two of the representations satisfy. HTML is the text form browsers read.
    [InlineData("", "text/*", IndicatorFormat.Html)]
    [InlineData("", "text/*;q=0.5, application/json", IndicatorFormat.Json)]
    [InlineData("", "text/*, text/csv", IndicatorFormat.Csv)]
    [InlineData("", "application/*", IndicatorFormat.Json)]
    [InlineData("", "text/*, text/html;q=0", IndicatorFormat.Csv)] // the named refusal beats the range (RFC 9110 §12.5.1)
    public void Chooses_by_f_then_accept(string query, string? accept, IndicatorFormat expected)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        Assert.True(IndicatorFormatNegotiation.TryChoose(context.Request, out var format, out var bad));
        Assert.Equal(expected, format);
        Assert.Null(bad);
    }

    [Fact]
    public void Unknown_f_is_reported()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?f=xml");
        Assert.False(IndicatorFormatNegotiation.TryChoose(context.Request, out _, out var bad));
        Assert.Equal("xml", bad);
    }
}
