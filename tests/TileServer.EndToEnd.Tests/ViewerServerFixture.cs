namespace TileServer.EndToEnd.Tests;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TileServer.Tests.Support;

/// <summary>The real host on Kestrel at a free loopback port, serving the shared small sample (平泉市 and
/// 二连浩特市), and one headless Debian chromium driven by Playwright — shared by the tests of a class.</summary>
public sealed class ViewerServerFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium (apt-get install -y chromium fonts-wqy-microhei); Playwright downloads no browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? app;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: the viewer tests need Debian's chromium (apt-get install -y chromium fonts-wqy-microhei)");
        }

        app = ServerApplication.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--TileServer:Sources:sample:Path={SharedSample.GeoPackagePath}",
            "--TileServer:Sources:sample:GenerateSampleIfMissing=false",
            // The environment may name a PostGIS or Redis (the test script exports them); these tests read the GeoPackage.
            "--TILESERVER_POSTGIS=",
            "--TILESERVER_REDIS=",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        await WaitForIndicatorsAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>Indicators are computed in the background after start-up and answer 503 until then; the tests
    /// look at a settled server (the viewer's own retry is for people, not for a test's console).</summary>
    private async Task WaitForIndicatorsAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var config = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/viewer/config.json"));
        if (config.RootElement.GetProperty("links").GetProperty("indicators").ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return;
        }

        for (int attempt = 0; attempt < 240; attempt++)
        {
            using var response = await http.GetAsync("/indicators?f=json");
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable)
            {
                return;
            }

            await Task.Delay(500);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
