namespace TileServer.Protocols.OgcApi.Tests;

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using TileServer.Protocols.OgcApi.Tests.Support;

/// <summary>Paging, links and the single-feature lookup over the in-memory source (the real sources get their
/// refined-query translation from the sources work; these pin down what the adapter asks of them).</summary>
public sealed class ItemsResponderTests
{
    private static DefaultHttpContext Context(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("example.org");
        context.Request.Path = "/collections/ghyd/items";
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<JsonDocument> ItemsAsync(string query, OgcApiOptions? options = null)
    {
        var (service, _) = SampleCatalog.Create();
        var context = Context(query);
        options ??= new OgcApiOptions();
        context.RequestServices = new ServiceCollection().AddSingleton(options).BuildServiceProvider();
        var parsed = ItemsQueryParser.Parse(context.Request.Query, service.Layer("ghyd"), options);
        await ItemsResponder.WriteGeoJsonAsync(context, service, parsed);
        Assert.Equal("application/geo+json", context.Response.ContentType);
        return JsonDocument.Parse(((MemoryStream)context.Response.Body).ToArray());
    }

    private static Dictionary<string, string> Links(JsonDocument json) =>
        json.RootElement.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);

    [Fact]
    public async Task A_middle_page_has_next_and_prev_links_by_offset()
    {
        using var json = await ItemsAsync("?limit=2&offset=2");
        Assert.Equal(5, json.RootElement.GetProperty("numberMatched").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("numberReturned").GetInt64());
        Assert.Equal([3L, 4L], json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
        var links = Links(json);
        Assert.Equal("http://example.org/collections/ghyd/items?limit=2&offset=4&f=json", links["next"]);
        Assert.Equal("http://example.org/collections/ghyd/items?limit=2&offset=0&f=json", links["prev"]);
        Assert.Equal("http://example.org/collections/ghyd/items?limit=2&offset=2&f=html", links["alternate"]);
    }

    [Theory]
    [InlineData("?limit=10&offset=9223372036854775807")]
    [InlineData("?limit=10000&offset=9223372036854775800")]
    public async Task An_offset_near_the_largest_integer_gives_no_next_link_past_the_end(string query)
    {
        // offset + limit overflowed to a negative number, which "exceeded" nothing: a next link with a negative offset
        // (which this server then refuses with 400) appeared on an empty page past the end (Part 1 §7.15.8, fc-next-1).
        using var json = await ItemsAsync(query);
        Assert.Equal(0, json.RootElement.GetProperty("numberReturned").GetInt64());
        var links = Links(json);
        Assert.DoesNotContain("next", links.Keys);
        Assert.DoesNotContain("offset=-", links["prev"], StringComparison.Ordinal);
    }

    /// <summary>A page past the end (5 features): prev was offset − limit, another empty page, and a client walking back
    /// met empty pages all the way (/rec/core/fc-next-1 asks links to lead to pages of the result). It now points at the
    /// last page with matches on the request's limit grid, as the WFS links do.</summary>
    [Theory]
    [InlineData("?limit=2&offset=10", "offset=4")]
    [InlineData("?limit=2&offset=11", "offset=3")]
    [InlineData("?limit=10&offset=7", "offset=0")]
    [InlineData("?limit=2&offset=5", "offset=3")]
    [InlineData("?limit=10&offset=9223372036854775807", "offset=")]
    public async Task Prev_of_a_page_past_the_end_leads_to_the_last_page_with_matches(string query, string expected)
    {
        using var json = await ItemsAsync(query);
        string prev = Links(json)["prev"];
        Assert.Contains(expected, prev, StringComparison.Ordinal);
        long offset = long.Parse(prev[(prev.IndexOf("offset=", StringComparison.Ordinal) + 7)..].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(offset, 0, 4);
    }

    [Fact]
    public void A_page_past_the_end_of_nothing_has_no_prev_link()
    {
        var (service, _) = SampleCatalog.Create();
        var context = Context("?limit=2&offset=4");
        var query = ItemsQueryParser.Parse(context.Request.Query, service.Layer("ghyd"), new OgcApiOptions());

        var links = ItemsResponder.PageLinks(context.Request, query, TileServer.Services.Features.MatchCount.Exact(0), "application/geo+json");

        Assert.DoesNotContain(links, l => l.Rel is "prev" or "next");
    }

    [Fact]
    public async Task The_last_page_has_no_next_link()
    {
        using var json = await ItemsAsync("?limit=2&offset=4");
        Assert.Equal(1, json.RootElement.GetProperty("numberReturned").GetInt64());
        Assert.DoesNotContain("next", Links(json).Keys);
        Assert.Contains("prev", Links(json).Keys);
    }

    [Fact]
    public async Task Past_the_exact_count_limit_numberMatched_is_left_out_and_next_still_follows()
    {
        var limitOne = new OgcApiOptions { ExactCountLimit = 1 };
        using var json = await ItemsAsync("?limit=2", limitOne);
        Assert.False(json.RootElement.TryGetProperty("numberMatched", out _));
        Assert.Equal(2, json.RootElement.GetProperty("numberReturned").GetInt64());
        Assert.Equal("http://example.org/collections/ghyd/items?limit=2&f=json&offset=2", Links(json)["next"]);

        using var last = await ItemsAsync("?limit=2&offset=4", limitOne);
        Assert.Equal(5, last.RootElement.GetProperty("numberMatched").GetInt64()); // the page reaches the end: exact
        Assert.DoesNotContain("next", Links(last).Keys);
    }

    [Fact]
    public async Task Lat_first_crs_writes_latitude_first()
    {
        using var json = await ItemsAsync("?limit=1&crs=http://www.opengis.net/def/crs/EPSG/0/4326");
        var position = json.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0];
        Assert.Equal(40.90, position[0].GetDouble(), 9);
        Assert.Equal(118.70, position[1].GetDouble(), 9);
    }

    [Fact]
    public async Task A_feature_is_looked_up_by_an_id_filter_and_non_numeric_ids_are_none()
    {
        var (service, source) = SampleCatalog.Create();
        var item = await FeatureResponder.FindAsync(service, "ghyd", "3", OgcCrs.Default, CancellationToken.None);
        Assert.NotNull(item);
        Assert.Equal([3L], Assert.IsType<IdFilter>(source.LastQuery!.Filter).Fids);
        Assert.Null(await FeatureResponder.FindAsync(service, "ghyd", "3a", OgcCrs.Default, CancellationToken.None));

        var context = Context("");
        context.Request.Path = "/collections/ghyd/items/3";
        using var feature = JsonDocument.Parse(FeatureResponder.Json(context.Request, "ghyd", item, new CrsReference(CrsRegistry.Crs84, CrsForm.Uri)));
        Assert.Equal("Feature", feature.RootElement.GetProperty("type").GetString());
        Assert.Contains(feature.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "collection");
    }

    [Fact]
    public async Task Html_escapes_attribute_values()
    {
        var (service, _) = SampleCatalog.Create();
        var context = Context("?limit=5");
        var parsed = ItemsQueryParser.Parse(context.Request.Query, service.Layer("ghyd"), new OgcApiOptions());
        string html = await ItemsResponder.HtmlAsync(context, service, parsed);
        Assert.Contains("&lt;旱地&amp;&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<旱地", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://example.org/collections/ghyd/items/1?f=html\"", html, StringComparison.Ordinal);
    }
}
