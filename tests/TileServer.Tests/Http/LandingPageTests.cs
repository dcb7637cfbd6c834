namespace TileServer.Tests.Http;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TileServer.Tests.Support;

public sealed class LandingPageTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static readonly string[] SixLayers = ["xzq", "ghyd", "yjjbnt", "stbhhx", "czkfbj", "czjsyd2020"];

    [Fact]
    public async Task Json_lists_every_layer_with_links()
    {
        using var client = server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/?f=json"));
        var layers = json.RootElement.GetProperty("layers").EnumerateArray().ToList();
        // The six stored layers, then the computed control-line conflicts (docs/planning.md), counted at start-up.
        Assert.Equal([.. SixLayers, "conflicts"], layers.Select(l => l.GetProperty("id").GetString()));
        Assert.All(layers.Take(6), l => Assert.True(l.GetProperty("features").GetInt64() > 0));
        Assert.Equal("永久基本农田", layers[2].GetProperty("title_zh").GetString());
        Assert.Contains(layers[1].GetProperty("links").EnumerateArray(), link => link.GetProperty("href").GetString() == "http://localhost/tiles/ghyd.json");
    }

    [Fact]
    public async Task Accept_header_chooses_json_and_browsers_get_html()
    {
        using var client = server.CreateClient();
        using var jsonRequest = new HttpRequestMessage(HttpMethod.Get, "/");
        jsonRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var jsonResponse = await client.SendAsync(jsonRequest);
        Assert.Equal("application/json", jsonResponse.Content.Headers.ContentType!.MediaType);

        using var htmlRequest = new HttpRequestMessage(HttpMethod.Get, "/");
        htmlRequest.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var htmlResponse = await client.SendAsync(htmlRequest);
        Assert.Equal("text/html", htmlResponse.Content.Headers.ContentType!.MediaType);
        string html = await htmlResponse.Content.ReadAsStringAsync();
        Assert.All(SixLayers, id => Assert.Contains($"<code>{id}</code>", html));
        Assert.Contains("城镇开发边界", html);
    }

    [Fact]
    public async Task Unknown_format_is_400()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/?f=xml");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("f", json.RootElement.GetProperty("parameter").GetString());
    }
}
