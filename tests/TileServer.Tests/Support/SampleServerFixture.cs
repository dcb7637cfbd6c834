namespace TileServer.Tests.Support;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

/// <summary>A server running the real pipeline on a small generated GeoPackage (平泉市 and 二连浩特市 at
/// reduced density), shared by the HTTP tests of a class.</summary>
public sealed class SampleServerFixture : IDisposable
{
    public const double PingquanSeatLongitude = 118.70;
    public const double PingquanSeatLatitude = 41.01;

    public SampleServerFixture()
    {
        Factory = Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            // The environment may name a PostGIS (the test script exports one); these tests read the GeoPackage.
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A server with configuration overrides on top of config/tileserver.json.</summary>
    public static WebApplicationFactory<Program> Create(IReadOnlyDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings)));

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public void Dispose() => Factory.Dispose();
}
