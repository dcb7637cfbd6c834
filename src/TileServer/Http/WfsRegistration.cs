namespace TileServer.Http;

using Microsoft.Extensions.DependencyInjection.Extensions;
using TileServer.Configuration;
using TileServer.Protocols.Wfs;

/// <summary>Host wiring of WFS 2.0 at /wfs: the WFS options from the configuration section TileServer:Wfs
/// (DefaultCount, MaxCount, FeatureNamespace, …). The shared FeatureService is registered by ServerApplication.</summary>
public static class WfsRegistration
{
    public static IServiceCollection AddWfs(this IServiceCollection services)
    {
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
