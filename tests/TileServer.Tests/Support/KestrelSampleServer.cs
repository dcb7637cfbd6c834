namespace TileServer.Tests.Support;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>The shared sample served by real Kestrel on a free port, for external clients (GDAL, OWSLib, node)
/// that cannot use the in-memory test server. Never port 8080: it may be busy.</summary>
public sealed class KestrelSampleServer : IDisposable
{
    public KestrelSampleServer(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            // The environment may name a PostGIS or Redis (the test script exports them); these tests read the GeoPackage.
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;

        // A host setting reaches the program's configuration before ServerApplication reads "urls", so
        // config/tileserver.json's http://localhost:8080 is not applied (UseKestrel(0) alone does not do that).
        Factory = SampleServerFixture.Create(settings)
            .WithWebHostBuilder(builder => builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0"));
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>Scheme, host and port without a trailing slash, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; }

    public IServiceProvider Services => Factory.Services;

    public void Dispose() => Factory.Dispose();
}
