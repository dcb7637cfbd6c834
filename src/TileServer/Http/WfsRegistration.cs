namespace TileServer.Http;

using Microsoft.Extensions.DependencyInjection.Extensions;
using TileServer.Configuration;
using TileServer.Protocols.Wfs;
using TileServer.Services.Features;

/// <summary>Host wiring of WFS 2.0 at /wfs: the shared FeatureService and the WFS options from the
/// configuration section TileServer:Wfs (DefaultCount, MaxCount, FeatureNamespace, …).</summary>
public static class WfsRegistration
{
    public static IServiceCollection AddWfs(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new FeatureService(sp.GetRequiredService<Core.Layers.ILayerCatalog>()));
        services.TryAddSingleton(sp =>
            SettingsBinder.Bind<WfsOptions>(sp.GetRequiredService<IConfiguration>(), $"{TileServerSettings.SectionName}:Wfs"));
        return services;
    }

    public static WebApplication MapWfsEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapWfs();
        return app;
    }
}
