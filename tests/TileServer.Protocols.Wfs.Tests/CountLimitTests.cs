namespace TileServer.Protocols.Wfs.Tests;

using System.Text.Json;
using System.Xml.Linq;

/// <summary>The bounded count behind numberMatched (<see cref="WfsOptions.ExactCountLimit"/>): past the limit
/// numberMatched is "unknown" (wfs.xsd: wfs:nonNegativeIntegerOrUnknown) while numberReturned and the next link
/// stay exact, and resultType=hits still counts every match. The layer holds three features.</summary>
public sealed class CountLimitTests
{
    private const string Base = "?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:ghyd";
    private static readonly XNamespace Wfs = WfsNamespaces.Wfs;
    private static readonly WfsOptions LimitOne = new() { ExactCountLimit = 1 };

    [Fact]
    public async Task A_page_short_of_the_end_reports_unknown_matches_and_an_exact_page()
    {
        var (service, source) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, Base + "&count=1", options: LimitOne);
        Assert.Equal(200, status);
        var root = XElement.Parse(body);
        Assert.Equal("unknown", (string?)root.Attribute("numberMatched"));
        Assert.Equal("1", (string?)root.Attribute("numberReturned"));
        Assert.Single(root.Elements(Wfs + "member"));
        Assert.Contains("startIndex=1", (string?)root.Attribute("next"), StringComparison.Ordinal);
        // Counting stops one row past the page: enough to know a next page exists.
        Assert.Equal(2, source.LastCount!.CountLimit);
    }

    [Fact]
    public async Task A_page_reaching_the_end_knows_the_exact_count()
    {
        var (service, source) = WfsTestData.Create();
        var (_, _, body) = await WfsTestData.RunAsync(service, Base + "&count=2&startIndex=1", options: LimitOne);
        var root = XElement.Parse(body);
        Assert.Equal("3", (string?)root.Attribute("numberMatched"));
        Assert.Equal("2", (string?)root.Attribute("numberReturned"));
        Assert.Null(root.Attribute("next"));
        Assert.Equal(4, source.LastCount!.CountLimit);
    }

    [Fact]
    public async Task Hits_count_every_match_whatever_the_limit()
    {
        var (service, source) = WfsTestData.Create();
        var (_, _, body) = await WfsTestData.RunAsync(service, Base + "&resultType=hits", options: LimitOne);
        Assert.Equal("3", (string?)XElement.Parse(body).Attribute("numberMatched"));
        Assert.Null(source.LastCount!.CountLimit);
    }

    [Fact]
    public async Task Default_limit_keeps_small_layers_exact()
    {
        var (service, source) = WfsTestData.Create();
        var (_, _, body) = await WfsTestData.RunAsync(service, Base + "&count=1");
        Assert.Equal("3", (string?)XElement.Parse(body).Attribute("numberMatched"));
        Assert.Equal(new WfsOptions().ExactCountLimit, source.LastCount!.CountLimit);
    }

    [Fact]
    public async Task Geojson_leaves_an_unknown_count_out()
    {
        var (service, _) = WfsTestData.Create();
        var (_, _, body) = await WfsTestData.RunAsync(service, Base + "&count=1&outputFormat=application/json", options: LimitOne);
        using var json = JsonDocument.Parse(body);
        Assert.False(json.RootElement.TryGetProperty("numberMatched", out _));
        Assert.Equal(1, json.RootElement.GetProperty("numberReturned").GetInt32());
        Assert.Equal("next", json.RootElement.GetProperty("links")[0].GetProperty("rel").GetString());
    }
}
