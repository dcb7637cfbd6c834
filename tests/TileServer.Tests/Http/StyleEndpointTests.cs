namespace TileServer.Tests.Http;

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using TileServer.Tests.Shared;
using TileServer.Tests.Support;

/// <summary>/styles: every configured style as a MapLibre GL style that the reference validator
/// (@maplibre/maplibre-gl-style-spec, tests/js/validate-style.mjs) accepts, pointing at this server's TileJSON
/// by absolute URL; legends as PNG and JSON of the same size; WMTS LegendURL pointing at them.</summary>
public sealed class StyleEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    public static readonly string[] StyleIds = ["conflicts", "control_lines", "czjsyd2020", "landuse", "xzq"];

    [Fact]
    public async Task The_index_lists_every_style_with_its_layers_and_links()
    {
        using var client = server.CreateClient();
        using var index = JsonDocument.Parse(await client.GetStringAsync("/styles"));
        var styles = index.RootElement.GetProperty("styles").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(StyleIds, styles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["yjjbnt", "stbhhx", "czkfbj"], styles["control_lines"].GetProperty("layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("http://localhost/styles/landuse/legend.png", styles["landuse"].GetProperty("legend_png").GetString());
    }

    [Fact]
    public async Task Every_configured_layer_is_drawn_with_a_style()
    {
        using var client = server.CreateClient();
        using var index = JsonDocument.Parse(await client.GetStringAsync("/styles"));
        var styled = index.RootElement.GetProperty("styles").EnumerateArray()
            .SelectMany(s => s.GetProperty("layers").EnumerateArray().Select(l => l.GetString()!)).Order(StringComparer.Ordinal);
        Assert.Equal(["conflicts", "czjsyd2020", "czkfbj", "ghyd", "stbhhx", "xzq", "yjjbnt"], styled);
    }

    [Theory]
    [InlineData("landuse", "ghyd")]
    [InlineData("control_lines", "yjjbnt,stbhhx,czkfbj")]
    [InlineData("xzq", "xzq")]
    [InlineData("czjsyd2020", "czjsyd2020")]
    public async Task A_style_points_at_this_servers_tilejson_whose_layers_it_uses(string id, string layers)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/styles/{id}.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var style = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(8, style.RootElement.GetProperty("version").GetInt32());
        string url = style.RootElement.GetProperty("sources").GetProperty("tileserver").GetProperty("url").GetString()!;
        Assert.Equal($"http://localhost/tiles/{layers}.json", url);

        using var tileJson = JsonDocument.Parse(await client.GetStringAsync(new Uri(url).PathAndQuery));
        var vectorLayers = tileJson.RootElement.GetProperty("vector_layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToHashSet();
        var sourceLayers = style.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("source-layer").GetString()).ToHashSet();
        Assert.NotEmpty(sourceLayers);
        Assert.Subset(vectorLayers, sourceLayers);
    }

    [Fact]
    public async Task The_2020_urban_land_is_drawn_in_its_style_colour()
    {
        var tile = TileServer.Core.Tiling.WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, 12);
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/tiles/czjsyd2020/12/{tile.Column}/{tile.Row}.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var image = PngPixels.Decode(await response.Content.ReadAsByteArrayAsync());
        int filled = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var (r, g, b, a) = image.At(x, y);
                // #C8B4A0 at opacity 0.4 over nothing: straight colour (200, 180, 160), alpha 102.
                if (Math.Abs(r - 200) <= 3 && Math.Abs(g - 180) <= 3 && Math.Abs(b - 160) <= 3 && Math.Abs(a - 102) <= 3)
                    filled++;
            }
        }

        Assert.True(filled > 100, $"only {filled} pixels carry the czjsyd2020 fill");
    }

    [Fact]
    public async Task Every_style_passes_the_maplibre_style_spec_validator()
    {
        using var client = server.CreateClient();
        foreach (string id in StyleIds)
        {
            string file = Path.GetTempFileName();
            try
            {
                await File.WriteAllTextAsync(file, await client.GetStringAsync($"/styles/{id}.json"));
                using var result = JsonDocument.Parse(await ValidateAsync(file));
                Assert.Empty(result.RootElement.GetProperty("errors").EnumerateArray());
                Assert.True(result.RootElement.GetProperty("layers").GetInt32() > 0);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [Theory]
    [InlineData("landuse")]
    [InlineData("control_lines")]
    [InlineData("czjsyd2020")]
    public async Task The_legend_png_has_the_size_and_colours_the_json_legend_states(string id)
    {
        using var client = server.CreateClient();
        using var png = await client.GetAsync($"/styles/{id}/legend.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var image = PngPixels.Decode(await png.Content.ReadAsByteArrayAsync());
        using var legend = JsonDocument.Parse(await client.GetStringAsync($"/styles/{id}/legend.json"));
        var size = legend.RootElement.GetProperty("image");
        Assert.Equal(size[0].GetInt32(), image.Width);
        Assert.Equal(size[1].GetInt32(), image.Height);
        var entry = legend.RootElement.GetProperty("entries")[0];
        var swatch = entry.GetProperty("swatch");
        // The swatch centre shows the fill colour (over white when translucent): compare red at least.
        string fill = entry.GetProperty("fill").GetString()!;
        var (r, _, _, _) = image.At(swatch[0].GetInt32() + (swatch[2].GetInt32() / 2), swatch[1].GetInt32() + (swatch[3].GetInt32() / 2));
        int red = Convert.ToInt32(fill.Substring(1, 2), 16);
        double opacity = entry.GetProperty("fillOpacity").GetDouble();
        Assert.InRange(r, (int)((red * opacity) + (255 * (1 - opacity))) - 3, (int)((red * opacity) + (255 * (1 - opacity))) + 3);
    }

    [Theory]
    [InlineData("/styles/nope.json")]
    [InlineData("/styles/nope/legend.png")]
    [InlineData("/styles/nope/legend.json")]
    public async Task Unknown_styles_are_404_problems(string path)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>The style's initial view (root center and zoom) shows data: MapLibre's default is zoom 0, where a layer
    /// starting at zoom 10 draws nothing.</summary>
    [Theory]
    [InlineData("landuse", "ghyd", 10)]
    [InlineData("control_lines", "yjjbnt,stbhhx,czkfbj", 8)]
    public async Task A_style_opens_on_its_layers_data(string id, string layers, int zoom)
    {
        using var client = server.CreateClient();
        using var style = JsonDocument.Parse(await client.GetStringAsync($"/styles/{id}.json"));
        double[] center = style.RootElement.GetProperty("center").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(zoom, style.RootElement.GetProperty("zoom").GetInt32());
        var tile = Core.Tiling.WebMercator.TileAt(center[0], center[1], zoom);

        using var response = await client.GetAsync($"/tiles/{layers}/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/styles")]
    [InlineData("/styles/landuse.json")]
    [InlineData("/styles/control_lines/legend.png")]
    [InlineData("/styles/xzq/legend.json")]
    public async Task Style_resources_revalidate_with_their_etag(string path)
    {
        using var client = server.CreateClient();
        using var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(first.Headers.Vary, notModified.Headers.Vary);
        Assert.Equal(path.EndsWith(".png", StringComparison.Ordinal) ? [] : ["Accept-Encoding"], notModified.Headers.Vary);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\""));
        using var changed = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await changed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Wmts_capabilities_link_each_layer_style_to_its_legend()
    {
        XNamespace wmts = "http://www.opengis.net/wmts/1.0";
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        using var client = server.CreateClient();
        var doc = XDocument.Parse(await client.GetStringAsync("/wmts/1.0.0/WMTSCapabilities.xml"));
        var legends = doc.Descendants(wmts + "LegendURL").ToList();
        Assert.Equal(doc.Descendants(wmts + "Layer").Count(), legends.Count);
        foreach (var legendUrl in legends)
        {
            string href = legendUrl.Attribute(xlink + "href")!.Value;
            Assert.StartsWith("http://localhost/styles/", href, StringComparison.Ordinal);
            var image = PngPixels.Decode(await client.GetByteArrayAsync(new Uri(href).PathAndQuery));
            Assert.Equal(legendUrl.Attribute("width")!.Value, image.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(legendUrl.Attribute("height")!.Value, image.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static async Task<string> ValidateAsync(string file)
    {
        string scriptDir = Path.Combine(RepositoryRoot.Path, "tests", "js");
        Assert.True(Directory.Exists(Path.Combine(scriptDir, "node_modules", "@maplibre", "maplibre-gl-style-spec")),
            "tests/js/node_modules is missing: run the README's test command (scripts/test.sh), which runs npm ci there");
        var start = new ProcessStartInfo("node", ["validate-style.mjs", file])
        {
            WorkingDirectory = scriptDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "the style spec validator rejected the style: " + await stdout + await stderr);
        return await stdout;
    }
}
