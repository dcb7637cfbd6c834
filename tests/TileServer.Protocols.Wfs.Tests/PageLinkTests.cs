namespace TileServer.Protocols.Wfs.Tests;

using System.Text.Json;
using System.Xml.Linq;
using TileServer.Services.Features;

/// <summary>next and previous links (09-025r2 §10.2.4.4) lead only to pages that hold matches: no next at the exact
/// end, and a previous link of a page past the end points at the last page holding matches on the same count grid.
/// The rule is in <see cref="WfsPageLinks"/>; both GML attributes and GeoJSON links follow it. The test layer has
/// three features.</summary>
public sealed class PageLinkTests
{
    private const string Base = "?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:ghyd";

    [Theory]
    [InlineData(0, 2, 3, null)]
    [InlineData(1, 2, 3, 0L)]
    [InlineData(2, 1, 3, 1L)]
    [InlineData(3, 1, 3, 2L)] // at the end (nothing returned): one step back holds the last match
    [InlineData(10, 2, 3, 2L)] // past the end: 8, 6, 4 hold nothing; 2 holds the third match
    [InlineData(10, 3, 3, 1L)]
    [InlineData(5, 10, 3, 0L)]
    [InlineData(1_000_000, 1000, 2500, 2000L)]
    [InlineData(5, 2, 0, null)] // nothing matched: there is no page before
    [InlineData(5, 0, 3, null)] // count=0
    public void Previous_points_at_a_page_that_holds_matches(long startIndex, int count, long matched, long? expected)
    {
        var previous = WfsPageLinks.Previous(startIndex, count, MatchCount.Exact(matched));
        Assert.Equal(expected, previous);
        if (previous is { } index)
            Assert.InRange(index, 0, matched - 1);
    }

    [Fact]
    public void Previous_of_a_page_short_of_an_unknown_total_steps_back_one_count()
    {
        Assert.Equal(400_000L, WfsPageLinks.Previous(500_000, 100_000, MatchCount.AtLeast(600_001)));
    }

    [Theory]
    [InlineData(0, 3, 3, null)] // the whole result on one page
    [InlineData(2, 1, 1, null)] // the last match is on this page
    [InlineData(1, 1, 1, 2L)]
    [InlineData(10, 2, 0, null)]
    [InlineData(0, 0, 0, null)]
    public void Next_exists_only_while_matches_lie_beyond_the_page(long startIndex, int count, long returned, long? expected)
    {
        Assert.Equal(expected, WfsPageLinks.Next(startIndex, count, returned, MatchCount.Exact(3)));
    }

    private static async Task<XElement> GmlAsync(string query)
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, Base + query);
        Assert.True(status == 200, body);
        return XElement.Parse(body);
    }

    private static async Task<Dictionary<string, string>> JsonLinksAsync(string query)
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, Base + "&outputFormat=application/json" + query);
        Assert.True(status == 200, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("links").EnumerateArray()
            .ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
    }

    [Fact]
    public async Task Gml_page_past_the_end_links_back_to_the_last_page_and_not_forward()
    {
        var root = await GmlAsync("&count=2&startIndex=10");
        Assert.Equal("0", (string?)root.Attribute("numberReturned"));
        Assert.Null(root.Attribute("next"));
        string previous = (string?)root.Attribute("previous") ?? throw new InvalidOperationException("no previous link");
        Assert.EndsWith("startIndex=2", previous, StringComparison.Ordinal);

        // Following it reaches a page with the last feature.
        var (service, _) = WfsTestData.Create();
        var (_, _, body) = await WfsTestData.RunAsync(service, new Uri(previous).Query);
        Assert.Equal("1", (string?)XElement.Parse(body).Attribute("numberReturned"));
    }

    [Fact]
    public async Task Gml_page_ending_exactly_at_the_last_match_has_no_next()
    {
        var root = await GmlAsync("&count=1&startIndex=2");
        Assert.Equal("1", (string?)root.Attribute("numberReturned"));
        Assert.Null(root.Attribute("next"));
        Assert.EndsWith("startIndex=1", (string?)root.Attribute("previous"), StringComparison.Ordinal);
        Assert.Null((await GmlAsync("&count=3")).Attribute("next"));
    }

    [Fact]
    public async Task Json_links_follow_the_same_rule()
    {
        var pastEnd = await JsonLinksAsync("&count=2&startIndex=10");
        Assert.False(pastEnd.ContainsKey("next"));
        Assert.EndsWith("startIndex=2", pastEnd["previous"], StringComparison.Ordinal);

        var atEnd = await JsonLinksAsync("&count=1&startIndex=2");
        Assert.False(atEnd.ContainsKey("next"));
        Assert.EndsWith("startIndex=1", atEnd["previous"], StringComparison.Ordinal);

        var middle = await JsonLinksAsync("&count=1&startIndex=1");
        Assert.EndsWith("startIndex=2", middle["next"], StringComparison.Ordinal);
        Assert.EndsWith("startIndex=0", middle["previous"], StringComparison.Ordinal);

        Assert.Empty(await JsonLinksAsync("&count=3"));
    }
}
