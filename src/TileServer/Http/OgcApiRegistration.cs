namespace TileServer.Http;

using Microsoft.Extensions.DependencyInjection.Extensions;
using TileServer.Configuration;
using TileServer.Protocols.OgcApi;

/// <summary>Wires OGC API – Features and Tiles: the options of section TileServer:OgcApi (the shared FeatureService is
/// registered by ServerApplication). The OGC API landing page is the server's landing page at <c>/</c>.</summary>
public static class OgcApiRegistration
{
    public const string SectionName = "TileServer:OgcApi";

    public static IServiceCollection AddOgcApi(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => SettingsBinder.Bind<OgcApiOptions>(sp.GetRequiredService<IConfiguration>(), SectionName));
        return services;
    }
}
