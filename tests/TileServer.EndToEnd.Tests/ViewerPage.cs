namespace TileServer.EndToEnd.Tests;

using System.Text.Json;
using Microsoft.Playwright;

/// <summary>One viewer page in a fresh browser context, with the console errors, page errors and failed
/// requests it produced, and helpers to wait for a finished render and to read the map's pixels.</summary>
public sealed class ViewerPage : IAsyncDisposable
{
    private readonly IBrowserContext context;

    private ViewerPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public List<string> Requests { get; } = [];

    public static async Task<ViewerPage> OpenAsync(ViewerServerFixture server, string hash)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var viewer = new ViewerPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                viewer.Errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => viewer.Errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => viewer.Errors.Add($"request failed: {request.Url} {request.Failure}");
        page.Request += (_, request) => { lock (viewer.Requests) { viewer.Requests.Add(request.Url); } };
        await page.GotoAsync($"{server.BaseUrl}/viewer/#{hash}");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'");
        await viewer.WaitForRenderAsync(0);
        return viewer;
    }

    /// <summary>Renders completed so far (OpenLayers rendercomplete: all tiles of the view loaded and drawn).</summary>
    public Task<int> RendersAsync() => Page.EvaluateAsync<int>("() => window.tileViewer.renders");

    public async Task WaitForRenderAsync(int after) =>
        await Page.WaitForFunctionAsync($"() => window.tileViewer.renders > {after}", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

    /// <summary>Runs an action that changes the map and waits for the render it causes to complete.</summary>
    public async Task ChangeAndWaitAsync(Func<Task> action)
    {
        int before = await RendersAsync();
        await action();
        await WaitForRenderAsync(before);
    }

    /// <summary>Composes the map's layer canvases into one, as the browser shows them, and counts the pixels
    /// that differ from the white background; also returns the colour of the centre pixel.</summary>
    public async Task<MapPixels> ReadPixelsAsync()
    {
        string json = await Page.EvaluateAsync<string>(ComposeScript);
        return JsonSerializer.Deserialize<MapPixels>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        string directory = Environment.GetEnvironmentVariable("TILESERVER_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "viewer");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }

    /// <summary>Fails with every console error, page error and failed request the page had.</summary>
    public void AssertNoErrors() => Assert.True(Errors.Count == 0, string.Join(Environment.NewLine, Errors));

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private const string ComposeScript = """
        () => {
          const map = window.tileViewer.map;
          const [width, height] = map.getSize();
          const out = document.createElement('canvas');
          out.width = width; out.height = height;
          const ctx = out.getContext('2d');
          ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, width, height);
          for (const canvas of map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer')) {
            if (canvas.width === 0) continue;
            const opacity = canvas.parentNode.style.opacity || canvas.style.opacity;
            ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
            const m = canvas.style.transform.match(/^matrix\(([^)]*)\)$/);
            const matrix = m ? m[1].split(',').map(Number) : [canvas.clientWidth / canvas.width, 0, 0, canvas.clientHeight / canvas.height, 0, 0];
            ctx.setTransform(...matrix);
            ctx.drawImage(canvas, 0, 0);
          }
          ctx.setTransform(1, 0, 0, 1, 0, 0);
          const data = ctx.getImageData(0, 0, width, height).data;
          let painted = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) painted++;
          }
          const c = ctx.getImageData(Math.floor(width / 2), Math.floor(height / 2), 1, 1).data;
          return JSON.stringify({ width, height, painted, centre: [c[0], c[1], c[2]] });
        }
        """;
}
