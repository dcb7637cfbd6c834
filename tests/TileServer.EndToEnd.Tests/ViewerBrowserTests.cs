namespace TileServer.EndToEnd.Tests;

using System.Globalization;
using Microsoft.Playwright;
using NetTopologySuite.Geometries;
using TileServer.Tests.Support;
using Xunit.Abstractions;

/// <summary>The map viewer at /viewer in headless chromium, against the real server and the shared sample.</summary>
public sealed class ViewerBrowserTests(ViewerServerFixture server, ITestOutputHelper output) : IClassFixture<ViewerServerFixture>
{
    /// <summary>平泉市's seat at zoom 11: every planning layer of the sample is drawn there.</summary>
    private const string Pingquan = "z=11&lon=118.70&lat=41.01";

    /// <summary>The view centre in longitude/latitude, from Web Mercator (spherical inverse) or CGCS2000 degrees.</summary>
    private const string CentreLonLat = """
        () => {
          const view = window.tileViewer.map.getView();
          const [x, y] = view.getCenter();
          if (view.getProjection().getCode() !== 'EPSG:3857') return [x, y];
          const r = 6378137;
          return [x / r * 180 / Math.PI, Math.atan(Math.sinh(y / r)) * 180 / Math.PI];
        }
        """;

    [Fact]
    public async Task Page_loads_without_console_errors_and_vector_mode_draws_the_map()
    {
        await using var viewer = await ViewerPage.OpenAsync(server, Pingquan + "&mode=vector");
        var pixels = await viewer.ReadPixelsAsync();
        string screenshot = await viewer.ScreenshotAsync("viewer-vector.png");
        output.WriteLine($"screenshot: {screenshot}");

        viewer.AssertNoErrors();
        Assert.Contains(viewer.Requests, url => url.Contains("/tiles/ghyd/11/", StringComparison.Ordinal) && url.EndsWith(".mvt", StringComparison.Ordinal));
        Assert.DoesNotContain(viewer.Requests, url => url.Contains("/wmts/1.0.0/ghyd/", StringComparison.Ordinal));
        Assert.DoesNotContain(viewer.Requests, url => !url.StartsWith(server.BaseUrl, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal));
        // The legend is the server's (/styles/landuse/legend.json), one row per entry of the land-use layer.
        using var http = new HttpClient();
        using var legend = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"{server.BaseUrl}/styles/landuse/legend.json"));
        var entries = legend.RootElement.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("sourceLayer").GetString() == "ghyd").ToList();
        Assert.Equal(entries.Count, await viewer.Page.Locator("#legend details[data-layer=ghyd] .legend-item").CountAsync());
        Assert.Contains(entries[0].GetProperty("name_zh").GetString()!, await viewer.Page.Locator("#legend details[data-layer=ghyd]").TextContentAsync(), StringComparison.Ordinal);

        // The land-use parcels cover the county around its seat: most of the map is painted.
        Assert.True(pixels.PaintedShare > 0.5, $"only {pixels.Painted} of {pixels.Width}×{pixels.Height} pixels painted");
    }

    [Theory]
    [InlineData("WebMercatorQuad")]
    [InlineData("CGCS2000Quad")]
    public async Task Raster_mode_draws_wmts_tiles_of_either_grid(string grid)
    {
        await using var viewer = await ViewerPage.OpenAsync(server, Pingquan + "&mode=vector");
        await viewer.ChangeAndWaitAsync(() => viewer.Page.CheckAsync("input[name=mode][value=raster]"));
        if (grid != "WebMercatorQuad")
        {
            await viewer.ChangeAndWaitAsync(() => viewer.Page.CheckAsync($"input[name=grid][value={grid}]"));
        }

        var pixels = await viewer.ReadPixelsAsync();
        output.WriteLine($"screenshot: {await viewer.ScreenshotAsync($"viewer-raster-{grid}.png")}");
        string projection = await viewer.Page.EvaluateAsync<string>("() => window.tileViewer.map.getView().getProjection().getCode()");
        double[] centre = await viewer.Page.EvaluateAsync<double[]>(CentreLonLat);

        viewer.AssertNoErrors();
        Assert.Equal(grid == "CGCS2000Quad" ? "EPSG:4490" : "EPSG:3857", projection);
        // Switching grids keeps the place in view (the view centre stays on 平泉市's seat).
        Assert.Equal(118.70, centre[0], 0.01);
        Assert.Equal(41.01, centre[1], 0.01);
        Assert.Contains(viewer.Requests, url => url.Contains($"/wmts/1.0.0/ghyd/landuse/{grid}/", StringComparison.Ordinal));
        Assert.True(pixels.PaintedShare > 0.5, $"only {pixels.Painted} of {pixels.Width}×{pixels.Height} pixels painted");
    }

    [Fact]
    public async Task Back_from_the_cgcs2000_grid_the_vector_tiles_return()
    {
        await using var viewer = await ViewerPage.OpenAsync(server, Pingquan + "&mode=vector");
        await viewer.ChangeAndWaitAsync(() => viewer.Page.CheckAsync("input[name=grid][value=CGCS2000Quad]"));
        Assert.True(await viewer.Page.IsDisabledAsync("input[name=mode][value=vector]"));
        Assert.True(await viewer.Page.IsVisibleAsync("#grid-note"));
        int requestsBefore = viewer.Requests.Count;

        await viewer.ChangeAndWaitAsync(() => viewer.Page.CheckAsync("input[name=grid][value=WebMercatorQuad]"));
        var pixels = await viewer.ReadPixelsAsync();

        Assert.True(await viewer.Page.IsCheckedAsync("input[name=mode][value=vector]"));
        Assert.Equal("EPSG:3857", await viewer.Page.EvaluateAsync<string>("() => window.tileViewer.map.getView().getProjection().getCode()"));
        Assert.DoesNotContain(viewer.Requests.Skip(requestsBefore), url => url.Contains("/wmts/", StringComparison.Ordinal));
        Assert.True(pixels.PaintedShare > 0.5, $"only {pixels.Painted} of {pixels.Width}×{pixels.Height} pixels painted");
        viewer.AssertNoErrors();
    }

    [Theory]
    [InlineData("vector")]
    [InlineData("raster")]
    public async Task Hiding_the_land_use_layer_clears_most_of_the_map(string mode)
    {
        await using var viewer = await ViewerPage.OpenAsync(server, Pingquan + "&mode=" + mode);
        var before = await viewer.ReadPixelsAsync();
        await viewer.ChangeAndWaitAsync(() => viewer.Page.UncheckAsync("#layers input[value=ghyd]"));
        var after = await viewer.ReadPixelsAsync();

        viewer.AssertNoErrors();
        // The control lines still cover much of the county, so the land use is a large part, not all, of the paint.
        Assert.True(after.Painted < before.Painted * 0.8, $"painted pixels {before.Painted} → {after.Painted}");
        Assert.True(after.Painted > 0, "the control lines and county boundary are still drawn");
    }

    [Theory]
    [InlineData("vector")]
    [InlineData("raster")]
    public async Task Clicking_a_parcel_shows_its_land_use_class(string mode)
    {
        var (bsm, ydyhflmc, point, _) = LargestPingquanParcel();
        string hash = string.Create(CultureInfo.InvariantCulture, $"z=15&lon={point.X:F6}&lat={point.Y:F6}&mode={mode}");
        await using var viewer = await ViewerPage.OpenAsync(server, hash);
        var map = await viewer.Page.Locator("#map").BoundingBoxAsync();

        // The hash centres the map on the parcel's interior point: click the middle of the map.
        await viewer.Page.Mouse.ClickAsync(map!.X + (map.Width / 2), map.Y + (map.Height / 2));
        var parcel = viewer.Page.Locator("#attributes .feature[data-layer=ghyd]");
        await parcel.WaitForAsync();

        Assert.Equal(ydyhflmc, await parcel.Locator("td[data-field=ydyhflmc]").InnerTextAsync());
        Assert.Equal(bsm, await parcel.Locator("td[data-field=bsm]").InnerTextAsync());
        viewer.AssertNoErrors();
    }

    [Theory]
    [InlineData("vector", "WebMercatorQuad")]
    [InlineData("raster", "WebMercatorQuad")]
    [InlineData("raster", "CGCS2000Quad")]
    public async Task A_parcel_is_drawn_where_it_is_in_its_land_use_colour(string mode, string grid)
    {
        var (_, _, point, ydyhfldm) = LargestPingquanParcel();
        string hash = string.Create(CultureInfo.InvariantCulture, $"z=15&lon={point.X:F6}&lat={point.Y:F6}&mode={mode}&grid={grid}");
        await using var viewer = await ViewerPage.OpenAsync(server, hash);
        await viewer.ChangeAndWaitAsync(async () =>
        {
            string[] others = await viewer.Page.EvalOnSelectorAllAsync<string[]>(
                "#layers input:checked:not([value=ghyd])", "boxes => boxes.map(box => box.value)");
            foreach (string layer in others)
            {
                await viewer.Page.UncheckAsync($"#layers input[value={layer}]");
            }
        });
        var pixels = await viewer.ReadPixelsAsync();
        output.WriteLine($"screenshot: {await viewer.ScreenshotAsync($"viewer-parcel-{mode}-{grid}.png")}");

        // The centre of the map is the parcel's interior point: a tile placed even a few pixels off (a wrong
        // origin, axis order or cell size of the grid) shows another parcel's colour or none.
        var expected = LandUseColour(ydyhfldm);
        Assert.True(pixels.Centre.Zip(expected).All(c => Math.Abs(c.First - c.Second) <= 2),
            $"centre pixel {string.Join(',', pixels.Centre)}, expected {string.Join(',', expected)} of class {ydyhfldm}");
        viewer.AssertNoErrors();
    }

    [Fact]
    public async Task Indicator_panel_shows_the_numbers_of_the_unit_in_view()
    {
        using var http = new HttpClient();
        using var report = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"{server.BaseUrl}/indicators/130881?f=json"));
        await using var viewer = await ViewerPage.OpenAsync(server, Pingquan);
        var panel = viewer.Page.Locator("#indicators");
        await panel.Locator("table").WaitForAsync();
        output.WriteLine($"screenshot: {await viewer.ScreenshotAsync("viewer-indicators.png")}");

        Assert.Contains("平泉市", await panel.InnerTextAsync());
        var indicators = report.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(4, indicators.Count(i => i.GetProperty("target").ValueKind == System.Text.Json.JsonValueKind.Number));
        foreach (var indicator in indicators)
        {
            string id = indicator.GetProperty("id").GetString()!;
            var row = panel.Locator($"tr[data-indicator={id}]");
            string value = indicator.GetProperty("value").GetDouble().ToString("F2", CultureInfo.InvariantCulture);
            Assert.StartsWith(value + " ", await row.Locator("td.value").InnerTextAsync(), StringComparison.Ordinal);
            string target = await row.Locator("td.target").InnerTextAsync();
            Assert.Contains(indicator.GetProperty("target").GetRawText(), target, StringComparison.Ordinal);
            Assert.Contains(indicator.GetProperty("status").GetString()!, await row.Locator("td.status").InnerTextAsync(), StringComparison.Ordinal);
        }

        // The approved targets of 承市政字〔2024〕12号, as the panel shows them.
        string text = await panel.InnerTextAsync();
        Assert.All(new[] { "≥ 79.78 万亩", "≥ 69.55 万亩", "≥ 1108.64 km²", "≤ 1.15 ×" }, target => Assert.Contains(target, text, StringComparison.Ordinal));
        viewer.AssertNoErrors();
    }

    [Fact]
    public async Task Going_to_a_unit_shows_it_and_its_indicators()
    {
        await using var viewer = await ViewerPage.OpenAsync(server, Pingquan);
        await viewer.ChangeAndWaitAsync(async () => await viewer.Page.SelectOptionAsync("#unit", "152501"));
        double[] centre = await viewer.Page.EvaluateAsync<double[]>(CentreLonLat);
        double[] box = await viewer.Page.EvaluateAsync<double[]>("() => window.tileViewer.config.units.find(u => u.xzqdm === '152501').bbox");

        Assert.InRange(centre[0], box[0], box[2]);
        Assert.InRange(centre[1], box[1], box[3]);
        await Assertions.Expect(viewer.Page.Locator("#indicator-unit")).ToHaveTextAsync("· 二连浩特市");
        viewer.AssertNoErrors();
    }

    /// <summary>The fill colour of the first rule of styles/landuse.json for a land-use code, as RGB.</summary>
    private static int[] LandUseColour(string ydyhfldm)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "styles", "landuse.json")))
        {
            root = root.Parent ?? throw new InvalidOperationException("styles/landuse.json not found above the test output");
        }

        using var style = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root.FullName, "styles", "landuse.json")));
        var rule = style.RootElement.GetProperty("rules").EnumerateArray().First(r =>
            r.TryGetProperty("filter", out var f) && f.GetProperty("field").GetString() == "ydyhfldm" && f.TryGetProperty("equals", out var e) && e.GetString() == ydyhfldm);
        string hex = rule.GetProperty("fill").GetProperty("color").GetString()!;
        return [Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16)];
    }

    /// <summary>The sample's largest 平泉市 parcel (so a click at its interior point is well inside it), read from
    /// the generated dataset, independently of the server.</summary>
    private static (string Bsm, string Ydyhflmc, Point Point, string Ydyhfldm) LargestPingquanParcel()
    {
        var ghyd = SharedSample.Dataset.Layer("ghyd");
        var names = ghyd.Schema.Fields.Select(f => f.Name).ToList();
        int bsm = names.IndexOf("bsm"), xzqdm = names.IndexOf("xzqdm"), ydyhflmc = names.IndexOf("ydyhflmc"), ydyhfldm = names.IndexOf("ydyhfldm");
        var parcel = ghyd.Features.Where(f => Equals(f.Values[xzqdm], "130881")).MaxBy(f => f.Geometry.Area)!;
        return (Convert.ToString(parcel.Values[bsm], CultureInfo.InvariantCulture)!, (string)parcel.Values[ydyhflmc]!, parcel.Geometry.InteriorPoint, (string)parcel.Values[ydyhfldm]!);
    }
}
