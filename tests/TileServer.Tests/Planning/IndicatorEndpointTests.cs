namespace TileServer.Tests.Planning;

using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Services.Planning;
using TileServer.Tests.Shared;
using TileServer.Tests.Support;

/// <summary>/indicators over the shared sample (平泉市, 二连浩特市), and the conflicts layer as tiles.</summary>
public sealed class IndicatorEndpointTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private async Task<HttpClient> ReadyClientAsync()
    {
        var client = server.CreateClient();
        var monitor = server.Factory.Services.GetRequiredService<PlanningMonitor>();
        await monitor.Idle;
        Assert.Null(monitor.LastFailure);
        Assert.NotNull(monitor.Report);
        return client;
    }

    [Fact]
    public async Task Pingquan_json_has_the_four_targets_with_status_and_the_deliberate_conflict()
    {
        using var client = await ReadyClientAsync();
        using var response = await client.GetAsync("/indicators/130881");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("130881", root.GetProperty("xzqdm").GetString());
        Assert.Equal("平泉市", root.GetProperty("xzqmc").GetString());
        Assert.Equal("承市政字〔2024〕12号", root.GetProperty("approval").GetString());
        Assert.Equal("gauss-kruger", root.GetProperty("areaMethod").GetString());
        Assert.Equal(["EPSG:4549"], root.GetProperty("crs").EnumerateArray().Select(e => e.GetString()));
        var indicators = root.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(["farmland", "permanent_basic_farmland", "ecological_redline", "urban_boundary_expansion_multiple"], indicators.Keys);
        Assert.Equal(79.78, indicators["farmland"].GetProperty("target").GetDouble());
        Assert.Equal(69.55, indicators["permanent_basic_farmland"].GetProperty("target").GetDouble());
        Assert.Equal(1108.64, indicators["ecological_redline"].GetProperty("target").GetDouble());
        Assert.Equal(1.15, indicators["urban_boundary_expansion_multiple"].GetProperty("target").GetDouble());
        Assert.Equal("max", indicators["urban_boundary_expansion_multiple"].GetProperty("bound").GetString());
        foreach (var indicator in indicators.Values)
        {
            double value = indicator.GetProperty("value").GetDouble();
            double target = indicator.GetProperty("target").GetDouble();
            bool max = indicator.GetProperty("bound").GetString() == "max";
            string expected = (max ? value <= target : value >= target) ? "met" : "not met";
            Assert.Equal(expected, indicator.GetProperty("status").GetString());
            Assert.Equal(max ? target - value : value - target, indicator.GetProperty("margin").GetDouble(), 3);
        }

        var farmland = indicators["farmland"];
        Assert.Equal(farmland.GetProperty("valueKm2").GetDouble() / (20.0 / 3.0), farmland.GetProperty("valueWanmu").GetDouble(), 3);
        var conflict = Assert.Single(root.GetProperty("conflicts").EnumerateArray());
        Assert.Equal("yjjbnt", conflict.GetProperty("lineA").GetString());
        Assert.Equal("stbhhx", conflict.GetProperty("lineB").GetString());
    }

    [Fact]
    public async Task Unknown_unit_is_a_404_problem()
    {
        using var client = await ReadyClientAsync();
        using var response = await client.GetAsync("/indicators/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("xzqdm", json.RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Unknown_format_is_a_400_problem()
    {
        using var client = await ReadyClientAsync();
        using var response = await client.GetAsync("/indicators?f=xml");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Csv_is_utf8_with_a_byte_order_mark_and_one_row_per_indicator()
    {
        using var client = await ReadyClientAsync();
        using var response = await client.GetAsync("/indicators?f=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, body[..3]);
        var lines = Encoding.UTF8.GetString(body, 3, body.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("xzqdm,xzqmc,indicator,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("130881,平泉市,farmland,耕地保有量,Farmland,万亩,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("152501,二连浩特市,basic_grassland,", StringComparison.Ordinal));
        // 平泉市 4 indicators, 二连浩特市 4 (no permanent basic farmland target → still listed, + grassland).
        Assert.Equal(1 + 4 + 5, lines.Length);
    }

    [Fact]
    public async Task Html_is_chosen_by_accept_header_and_lists_the_unit()
    {
        using var client = await ReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/indicators/130881");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("平泉市", html, StringComparison.Ordinal);
        Assert.Contains("≥ 79.78 万亩", html, StringComparison.Ordinal);
        Assert.Contains("yjjbnt × stbhhx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_units_list_the_sample_units_and_tongliao_only_when_a_member_is_present()
    {
        using var client = await ReadyClientAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/indicators"));
        Assert.Equal(["130881", "152501"], json.RootElement.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("xzqdm").GetString()));
        Assert.Single(json.RootElement.GetProperty("conflicts").EnumerateArray());
    }

    [Fact]
    public async Task Conflicts_layer_is_served_as_vector_tiles_at_the_conflict()
    {
        using var client = await ReadyClientAsync();
        var conflict = server.Factory.Services.GetRequiredService<PlanningMonitor>().Report!.Conflicts.Single();
        var tile = WebMercator.TileAt(conflict.Lon, conflict.Lat, 12);
        using var response = await client.GetAsync($"/tiles/conflicts/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var layer = Assert.Single(MvtReader.Read(await response.Content.ReadAsByteArrayAsync()).Layers);
        Assert.Equal("conflicts", layer.Name);
        var feature = Assert.Single(layer.Features);
        Assert.Equal(conflict.Bsm, feature.Attributes["bsm"]);
        Assert.Equal("yjjbnt", feature.Attributes["line_a"]);
        Assert.Equal("stbhhx", feature.Attributes["line_b"]);
        Assert.Equal(ulong.Parse(conflict.Bsm), feature.Id);
    }

    [Fact]
    public async Task Conflicts_layer_is_drawn_in_png_and_offered_by_wmts_with_its_style()
    {
        using var client = await ReadyClientAsync();
        var conflict = server.Factory.Services.GetRequiredService<PlanningMonitor>().Report!.Conflicts.Single();
        var tile = WebMercator.TileAt(conflict.Lon, conflict.Lat, 14);
        var pixels = PngPixels.Decode(await client.GetByteArrayAsync($"/tiles/conflicts/{tile.Zoom}/{tile.Column}/{tile.Row}.png"));
        Assert.Contains(pixels.Rgba.Chunk(4), p => p[3] > 0);

        string capabilities = await client.GetStringAsync("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        var layer = System.Xml.Linq.XDocument.Parse(capabilities).Descendants()
            .Single(e => e.Name.LocalName == "Layer" && e.Elements().Any(i => i.Name.LocalName == "Identifier" && i.Value == "conflicts"));
        Assert.Contains(layer.Descendants(), e => e.Name.LocalName == "Identifier" && e.Value == "conflicts" && e.Parent!.Name.LocalName == "Style");
        using var wmts = await client.GetAsync(
            $"/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=conflicts&STYLE=conflicts&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX={tile.Zoom}&TILEROW={tile.Row}&TILECOL={tile.Column}");
        Assert.Equal(HttpStatusCode.OK, wmts.StatusCode);
        Assert.Contains(PngPixels.Decode(await wmts.Content.ReadAsByteArrayAsync()).Rgba.Chunk(4), p => p[3] > 0);
    }

    [Fact]
    public async Task A_change_on_the_layer_change_feed_recomputes_in_the_background()
    {
        using var client = await ReadyClientAsync();
        var monitor = server.Factory.Services.GetRequiredService<PlanningMonitor>();
        var before = monitor.Snapshot!;
        var feed = server.Factory.Services.GetRequiredService<TileServer.Core.Layers.ILayerChangeFeed>();

        await feed.PublishAsync([TileServer.Core.Layers.LayerDataChange.Whole("yjjbnt")], CancellationToken.None);
        await monitor.Idle;

        Assert.NotSame(before, monitor.Snapshot);
        Assert.Equal(before.Conflicts.Select(c => c.Bsm), monitor.Snapshot!.Conflicts.Select(c => c.Bsm));
        using var json = JsonDocument.Parse(await client.GetStringAsync("/indicators/130881"));
        Assert.Equal(monitor.Report!.ComputedAt, json.RootElement.GetProperty("computedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Wmts_feature_info_on_the_conflict_names_it()
    {
        using var client = await ReadyClientAsync();
        var conflict = server.Factory.Services.GetRequiredService<PlanningMonitor>().Report!.Conflicts.Single();
        var (tile, i, j) = TileServer.Tests.Http.WmtsFeatureInfoEndpointTests.Pixel(TileMatrixSets.WebMercatorQuad, 16, conflict.Lon, conflict.Lat);
        string url = "/wmts?service=WMTS&request=GetFeatureInfo&version=1.0.0&layer=conflicts&style=conflicts&format=image/png&tilematrixset=WebMercatorQuad"
            + $"&tilematrix=16&tilerow={tile.Row}&tilecol={tile.Column}&i={i}&j={j}&infoformat=application/json";
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var feature = Assert.Single(json.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal(conflict.Bsm, feature.GetProperty("properties").GetProperty("bsm").GetString());
        Assert.Equal("stbhhx", feature.GetProperty("properties").GetProperty("line_b").GetString());
    }

    [Fact]
    public async Task Ogc_api_serves_the_conflicts_collection_with_attribute_filters()
    {
        using var client = await ReadyClientAsync();
        var conflict = server.Factory.Services.GetRequiredService<PlanningMonitor>().Report!.Conflicts.Single();
        using var items = await client.GetAsync("/collections/conflicts/items?f=json");
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        using var json = JsonDocument.Parse(await items.Content.ReadAsStringAsync());
        var feature = Assert.Single(json.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal(conflict.Bsm, feature.GetProperty("properties").GetProperty("bsm").GetString());
        Assert.Equal(conflict.AreaM2, feature.GetProperty("properties").GetProperty("mj").GetDouble(), 2);

        // The conflicts are served from a GeoPackage snapshot, so filters are translated like on any layer.
        Assert.Equal(1, await MatchedAsync(client, "/collections/conflicts/items?f=json&xzqdm=" + conflict.Xzqdm));
        Assert.Equal(0, await MatchedAsync(client, "/collections/conflicts/items?f=json&xzqdm=152501"));
        Assert.Equal(1, await MatchedAsync(client, "/collections/conflicts/items?f=json&line_a=" + conflict.LineA));
    }

    [Fact]
    public async Task Wfs_serves_the_conflicts_feature_type_with_fes_filters()
    {
        using var client = await ReadyClientAsync();
        var conflict = server.Factory.Services.GetRequiredService<PlanningMonitor>().Report!.Conflicts.Single();
        using var response = await client.GetAsync("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:conflicts&outputFormat=application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var feature = Assert.Single(json.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal(conflict.Bsm, feature.GetProperty("properties").GetProperty("bsm").GetString());

        foreach (var (unit, expected) in new[] { (conflict.Xzqdm, 1), ("152501", 0) })
        {
            string filter = Uri.EscapeDataString("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo><fes:ValueReference>xzqdm</fes:ValueReference>"
                + $"<fes:Literal>{unit}</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>");
            Assert.Equal(expected, await MatchedAsync(client, $"/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:conflicts&outputFormat=application/json&filter={filter}"));
        }
    }

    private static async Task<int> MatchedAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("features").GetArrayLength();
    }
}
