namespace TileServer.Tests.Http;

using System.Net;
using System.Text.Json;
using TileServer.Tests.Support;

/// <summary>The viewer's server side: the built page and bundle under /viewer/, its generated configuration,
/// and the landing page's link to it. (The page itself is tested in a browser: tests/TileServer.EndToEnd.Tests.)</summary>
public sealed class ViewerEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Config_lists_the_layers_with_titles_styles_and_zooms()
    {
        using var client = server.CreateClient();
        using var landing = JsonDocument.Parse(await client.GetStringAsync("/?f=json"));
        using var config = JsonDocument.Parse(await client.GetStringAsync("/viewer/config.json"));
        var layers = config.RootElement.GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!);

        Assert.Equal(landing.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()), layers.Keys);
        Assert.Equal("规划用地用海", layers["ghyd"].GetProperty("title_zh").GetString());
        Assert.Equal("Planned land and sea use", layers["ghyd"].GetProperty("title_en").GetString());
        Assert.Equal(10, layers["ghyd"].GetProperty("minzoom").GetInt32());
        Assert.Equal("landuse", layers["ghyd"].GetProperty("style").GetString());
        Assert.Equal("control_lines", layers["stbhhx"].GetProperty("style").GetString());
        Assert.Equal("czjsyd2020", layers["czjsyd2020"].GetProperty("style").GetString());
        Assert.Contains("ydyhflmc", layers["ghyd"].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        // The style documents ride along verbatim: the legend and the vector symbology read them.
        var styles = config.RootElement.GetProperty("styles");
        using var landuse = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "styles", "landuse.json")));
        Assert.Equal(landuse.RootElement.GetProperty("rules").GetArrayLength(), styles.GetProperty("landuse").GetProperty("rules").GetArrayLength());
        Assert.True(styles.TryGetProperty("xzq", out _));
        Assert.Equal("/wmts/1.0.0/WMTSCapabilities.xml", config.RootElement.GetProperty("links").GetProperty("wmtsCapabilities").GetString());
        Assert.Equal("/styles/{id}/legend.json", config.RootElement.GetProperty("links").GetProperty("legend").GetString());
    }

    [Fact]
    public async Task Config_lists_the_units_of_the_xzq_layer_with_their_extents()
    {
        using var client = server.CreateClient();
        using var config = JsonDocument.Parse(await client.GetStringAsync("/viewer/config.json"));
        var units = config.RootElement.GetProperty("units").EnumerateArray().ToList();

        Assert.Equal(SharedSample.Units, units.Select(u => u.GetProperty("xzqdm").GetString()));
        Assert.Equal("平泉市", units[0].GetProperty("xzqmc").GetString());
        double[] box = units[0].GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(SampleServerFixture.PingquanSeatLongitude, box[0], box[2]);
        Assert.InRange(SampleServerFixture.PingquanSeatLatitude, box[1], box[3]);
        // 平泉市 spans about 1.2° × 0.9°: an extent, not a point or the whole sample.
        Assert.InRange(box[2] - box[0], 0.5, 2.0);
        Assert.InRange(box[3] - box[1], 0.4, 1.5);
    }

    [Fact]
    public async Task Page_and_bundle_are_served_under_viewer()
    {
        using var client = server.CreateClient();
        using var bare = await client.GetAsync("/viewer");
        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/viewer/", bare.Headers.Location!.OriginalString);

        using var page = await client.GetAsync("/viewer/");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("src=\"viewer.js\"", html);
        // Offline: the page names no other host.
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);

        using var script = await client.GetAsync("/viewer/viewer.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", script.Headers.CacheControl!.ToString());
        using var css = await client.GetAsync("/viewer/viewer.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task Landing_page_links_the_viewer()
    {
        using var client = server.CreateClient();
        Assert.Contains("href=\"http://localhost/viewer/\"", await client.GetStringAsync("/?f=html"), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/?f=json"));
        Assert.Contains(json.RootElement.GetProperty("links").EnumerateArray(), link =>
            link.GetProperty("href").GetString() == "http://localhost/viewer/" && link.GetProperty("type").GetString() == "text/html");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "config", "tileserver.json")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("repository root not found");
        }

        return directory.FullName;
    }
}
