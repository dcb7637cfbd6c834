namespace TileServer.Http;

using TileServer.Core.Layers;
using TileServer.Protocols.Indicators;
using TileServer.Services.Planning;
using TileServer.Sources.GeoPackage;

/// <summary>Wires the planning monitoring (docs/planning.md): the approved targets of config/plan_targets.json,
/// the computed <c>conflicts</c> layer added to the layer catalog, the monitor that recomputes on the layer
/// change feed, and the /indicators endpoints.</summary>
public static class PlanningRegistration
{
    public const string TargetsRelativePath = "config/plan_targets.json";

    /// <summary>Call after the layer catalog is registered: the catalog registration is wrapped so the
    /// published catalog also holds <c>conflicts</c>, while the computation reads the stored layers.</summary>
    public static IServiceCollection AddPlanning(this IServiceCollection services, string root)
    {
        var stored = services.LastOrDefault(d => d.ServiceType == typeof(ILayerCatalog) && d.ImplementationFactory is not null)
            ?? throw new InvalidOperationException("AddPlanning needs the layer catalog registered first");
        services.Remove(stored);
        services.AddSingleton(sp => new StoredLayers((ILayerCatalog)stored.ImplementationFactory!(sp)));
        services.AddSingleton<GeoPackageSnapshotStore>();
        services.AddSingleton(sp => new ConflictFeatureSource(
            PlanningLayers.ControlLineExtent(sp.GetRequiredService<StoredLayers>().Catalog), sp.GetRequiredService<GeoPackageSnapshotStore>()));
        services.AddSingleton(sp => PlanningLayers.WithConflicts(sp.GetRequiredService<StoredLayers>().Catalog, sp.GetRequiredService<ConflictFeatureSource>()));
        services.AddSingleton(_ => new IndicatorReportBuilder(PlanTargetFile.Load(Path.Combine(root, TargetsRelativePath))));
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<PlanningMonitor>>();
            return new PlanningMonitor(
                new PlanningCalculator(sp.GetRequiredService<StoredLayers>().Catalog),
                sp.GetRequiredService<IndicatorReportBuilder>(),
                sp.GetRequiredService<ConflictFeatureSource>(),
                sp.GetRequiredService<ILayerChangeFeed>(),
                failure => logger.LogError(failure, "planning indicators and conflicts could not be computed"));
        });
        services.AddHostedService<PlanningStartup>();
        return services;
    }

    public static WebApplication MapPlanning(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapIndicators();
        return app;
    }

    /// <summary>The catalog of the stored layers, without the computed ones.</summary>
    internal sealed record StoredLayers(ILayerCatalog Catalog);

    /// <summary>Starts the first computation in the background as the host starts; requests before it finishes
    /// get 503 from /indicators and an empty conflicts layer.</summary>
    internal sealed class PlanningStartup(PlanningMonitor monitor) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = monitor.Trigger();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
