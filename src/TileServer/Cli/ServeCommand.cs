namespace TileServer.Cli;

using TileServer.Core.Layers;

/// <summary><c>tileserver serve</c>: opens the sources (generating the sample if configured and missing)
/// before listening, so that bad data fails start-up with one line instead of failing requests.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        // Disposed on every way out: a start-up that fails after services were built (a bad IdField, a port in use)
        // must still release them, e.g. the planning snapshots' temp folder. RunAsync disposes it too; twice is harmless.
        await using var app = ServerApplication.Build(args);
        ListenAddressCheck.Check(app.Configuration[WebHostDefaults.ServerUrlsKey]);
        var catalog = app.Services.GetRequiredService<ILayerCatalog>();
        _ = app.Services.GetRequiredService<Services.Raster.RasterStyleBinder>(); // styles fail start-up, not the first PNG request
        // So do malformed values in the protocol sections, which are bound on first use.
        _ = app.Services.GetRequiredService<Services.Raster.RasterTileService>();
        _ = app.Services.GetRequiredService<Protocols.OgcApi.OgcApiOptions>();
        _ = app.Services.GetRequiredService<Protocols.Wfs.WfsOptions>();
        _ = app.Services.GetRequiredService<Protocols.Wmts.WmtsOptions>();
        Console.WriteLine($"tileserver: publishing {catalog.Layers.Count} layers: {string.Join(", ", catalog.Layers.Select(l => l.Id))}");
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
