namespace TileServer;

using TileServer.Caching;
using TileServer.Admin;
using TileServer.Configuration;
using TileServer.Core.Errors;
using TileServer.Core.Caching;
using TileServer.Core.Layers;
using TileServer.Http;
using TileServer.Protocols.OgcApi;
using TileServer.Protocols.Wmts;
using TileServer.Protocols.Xyz;
using TileServer.Services.Caching;
using TileServer.Services.Features;
using TileServer.Services.Layers;
using TileServer.Services.Raster;
using TileServer.Services.Tiles;
using TileServer.Styling;

/// <summary>The composition root: configuration, sources, cache, services and protocol endpoints.</summary>
public static class ServerApplication
{
    public static WebApplication Build(string[] args)
    {
        string root = ProjectPaths.FindRoot();
        string configPath = Path.Combine(root, ProjectPaths.ConfigRelativePath);
        if (!File.Exists(configPath))
        {
            throw new ConfigurationException($"{ProjectPaths.ConfigRelativePath}: configuration file not found (looked from {Directory.GetCurrentDirectory()})");
        }

        var builder = WebApplication.CreateBuilder(args);
        // The project file sits below environment variables and the command line, as .NET hosts expect.
        builder.Configuration.AddJsonFile(configPath, optional: false, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);

        var settings = ReadSettings(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(settings.Urls);
        }

        // No "Server: Kestrel" on every response: it tells clients nothing they need and costs bytes on each tile.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddProblemDetails();
        builder.Services.AddPublicCors();
        builder.Services.AddTextCompression();
        builder.Services.AddExceptionHandler<Http.SourceUnavailableHandler>();
        builder.Services.AddSingleton(sp => ReadSettings(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<ILayerCatalog>(sp => CatalogFactory.Open(
            sp.GetRequiredService<TileServerSettings>(), root, sp.GetRequiredService<IConfiguration>()[TileServerSettings.PostGisVariable]));
        builder.Services.AddSingleton(sp => CacheFactory.Create(
            sp.GetRequiredService<TileServerSettings>().Cache, sp.GetRequiredService<IConfiguration>()[CacheSettings.RedisVariable]));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<ComposedCache>().Cache);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<ComposedCache>().Generations);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<ComposedCache>().Bus);
        builder.Services.AddSingleton<ITileCache>(sp => sp.GetRequiredService<TieredTileCache>());
        builder.Services.AddSingleton<ICacheHealthProbe>(sp => sp.GetRequiredService<TieredTileCache>());
        builder.Services.AddSingleton<ILayerChangeFeed, LayerChangeHub>();
        builder.Services.AddHostedService<GeoPackageChangeMonitor>();
        builder.Services.AddHostedService<PostGisChangeMonitor>();
        builder.Services.AddSingleton<RequestedLayerSets>();
        builder.Services.AddSingleton(sp => new TileCachePurger(
            sp.GetRequiredService<TieredTileCache>(), sp.GetRequiredService<ILayerGenerations>(), sp.GetRequiredService<RequestedLayerSets>(),
            sp.GetRequiredService<ICacheInvalidationBus>()));
        builder.Services.AddSingleton(sp => new CacheInvalidationOnChange(
            sp.GetRequiredService<ILayerChangeFeed>(), sp.GetRequiredService<TileCachePurger>(), sp.GetRequiredService<ILayerCatalog>()));
        builder.Services.AddSingleton(sp => new VectorTileService(
            sp.GetRequiredService<ITileCache>(), sp.GetRequiredService<TileServerSettings>().VectorTiles, sp.GetRequiredService<RequestedLayerSets>()));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<TileServerSettings>().Xyz);
        builder.Services.AddSingleton(sp => SettingsBinder.Bind<WmtsOptions>(sp.GetRequiredService<IConfiguration>(), $"{TileServerSettings.SectionName}:Wmts"));
        builder.Services.AddSingleton(sp => new RasterStyleBinder(
            LoadStyles(Path.Combine(root, "styles")),
            sp.GetRequiredService<IConfiguration>().GetSection($"{TileServerSettings.SectionName}:Layers").GetChildren()
                .Where(layer => !string.IsNullOrEmpty(layer["Id"]) && !string.IsNullOrEmpty(layer["Style"]))
                .ToDictionary(layer => layer["Id"]!, layer => layer["Style"]!, StringComparer.Ordinal)));
        builder.Services.AddSingleton(sp => new RasterTileService(sp.GetRequiredService<ITileCache>(), sp.GetRequiredService<RasterStyleBinder>(),
            SettingsBinder.Bind<RasterTileOptions>(sp.GetRequiredService<IConfiguration>(), $"{TileServerSettings.SectionName}:RasterTiles"),
            sp.GetRequiredService<RequestedLayerSets>()));
        builder.Services.AddSingleton(sp => new FeatureService(sp.GetRequiredService<ILayerCatalog>())); // WFS, OGC API, centres
        builder.Services.AddSingleton(sp => new LayerCentres(sp.GetRequiredService<FeatureService>(), sp.GetRequiredService<ILayerChangeFeed>())); // TileJSON and style centres on data
        builder.Services.AddStyles();
        builder.Services.AddPlanning(root);
        builder.Services.AddWfs();

        builder.Services.AddOgcApi();

        var app = builder.Build();
        try
        {
            Configure(app);
            return app;
        }
        catch
        {
            // A bad configuration fails here, with services already built (the planning snapshots' temp folder among
            // them); the caller never gets the app to dispose, so it is disposed here. Everything after Build is
            // covered: MapViewer resolves OgcApiOptions, so a malformed TileServer:OgcApi value fails in the mapping,
            // and when only the first resolution was guarded that path left the folder behind.
            try
            {
                ((IDisposable)app).Dispose();
            }
            catch (Exception)
            {
                // The configuration error below is what the operator needs to see, not a failure to clean up after it.
            }

            throw;
        }
    }

    /// <summary>Resolves the services that must exist before the first request and maps the middleware and endpoints.</summary>
    private static void Configure(WebApplication app)
    {
        // Subscribed before the first request, so no change is missed.
        app.Services.GetRequiredService<CacheInvalidationOnChange>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseResponseCompression();
        app.MapOgcApi(); // includes the landing page at /
        app.MapHealth();
        app.MapCachePurge();
        app.MapXyzTiles();
        app.MapWmts();
        app.MapStyles();
        app.MapPlanning();
        app.MapWfsEndpoint();
        app.MapViewer();
    }

    private static TileServerSettings ReadSettings(IConfiguration configuration) =>
        SettingsBinder.Bind<TileServerSettings>(configuration, TileServerSettings.SectionName);

    /// <summary>Loads styles/*.json; a broken style file stops start-up with one line naming it.</summary>
    private static StyleRegistry LoadStyles(string directory)
    {
        try
        {
            return StyleRegistry.LoadDirectory(directory);
        }
        catch (StyleFormatException bad)
        {
            throw new ConfigurationException(bad.Message.ReplaceLineEndings(" "), bad);
        }
    }
}
