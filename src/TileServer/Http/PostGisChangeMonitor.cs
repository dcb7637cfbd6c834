namespace TileServer.Http;

using TileServer.Configuration;
using TileServer.Core.Layers;
using TileServer.Sources.PostGis;
using TileServer.Sources.PostGis.Changes;

/// <summary>Turns committed PostGIS edits into <see cref="LayerDataChange"/>s on the one change feed: for every
/// PostGIS source behind a published layer it installs the change triggers (unless the source's
/// <c>ChangeTriggers</c> setting is off, e.g. when a DBA installs them) and listens for their notifications.
/// Each table change becomes a change of every layer published from that table.</summary>
public sealed class PostGisChangeMonitor(ILayerCatalog catalog, ILayerChangeFeed changes, TileServerSettings settings, ILogger<PostGisChangeMonitor> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watched = catalog.Layers
            .Where(l => l.Source is PostGisFeatureSource)
            .GroupBy(l => (PostGisFeatureSource)l.Source)
            .Select(g => WatchAsync(g.Key, g.ToList(), stoppingToken))
            .ToList();
        return Task.WhenAll(watched);
    }

    private async Task WatchAsync(PostGisFeatureSource source, IReadOnlyList<PublishedLayer> layers, CancellationToken stoppingToken)
    {
        var layersByTable = layers.GroupBy(l => l.Definition.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Id).ToArray(), StringComparer.Ordinal);
        var listener = source.CreateChangeListener();
        bool install = !settings.Sources.TryGetValue(source.Id, out var configured) || configured.ChangeTriggers;
        if (install)
        {
            try
            {
                var result = await listener.InstallTriggersAsync(stoppingToken).ConfigureAwait(false);
                foreach (var (table, reason) in result.Skipped.Where(s => layersByTable.ContainsKey(s.Key)))
                    logger.LogWarning("PostGIS source {Source}: edits of {Table} will not invalidate cached tiles by themselves ({Reason})", source.Id, table, reason);
                logger.LogInformation("PostGIS source {Source}: change triggers on {Count} tables", source.Id, result.Installed.Count);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                // The same failures the listener rides out by reconnecting: an exception escaping here would fault
                // this background service and stop the whole host (BackgroundServiceExceptionBehavior.StopHost).
                logger.LogWarning(e, "PostGIS source {Source}: cannot install change triggers now; listening anyway", source.Id);
            }
        }

        await listener.ListenAsync(
            (batch, ct) => PublishAsync(batch, layersByTable, ct),
            error => logger.LogWarning("PostGIS source {Source}: change listener disconnected ({Message}); reconnecting", source.Id, error.Message),
            stoppingToken).ConfigureAwait(false);
    }

    private async Task PublishAsync(IReadOnlyList<TableChange> batch, IReadOnlyDictionary<string, string[]> layersByTable, CancellationToken cancellationToken)
    {
        var published = new List<LayerDataChange>();
        foreach (var change in batch)
        {
            if (!layersByTable.TryGetValue(change.Table, out var ids))
                continue;
            foreach (string id in ids)
                published.Add(new LayerDataChange(id, change.Boxes));
        }

        if (published.Count == 0)
            return;
        try
        {
            await changes.PublishAsync(published, cancellationToken).ConfigureAwait(false);
        }
        catch (AggregateException failure)
        {
            logger.LogError(failure, "a consumer of PostGIS changes failed");
        }
    }
}
