namespace TileServer.Http;

using TileServer.Configuration;
using TileServer.Core.Layers;
using TileServer.Sources.GeoPackage;

/// <summary>Watches the GeoPackage files behind the published layers: when a file (or its write-ahead log)
/// changes — an editor saved in QGIS, a new delivery was moved or copied over — its idle connections to it are
/// closed and its layers are reported as changed
/// on the <see cref="ILayerChangeFeed"/> (cache invalidation and derived data subscribe there). Polling the file's time and size is used rather than FileSystemWatcher because it
/// also works on network and container file systems.</summary>
public sealed class GeoPackageChangeMonitor(ILayerCatalog catalog, ILayerChangeFeed changes, TileServerSettings settings, ILogger<GeoPackageChangeMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        double seconds = settings.Cache.SourceWatchSeconds;
        // Per file: the layers it publishes and the sources that read it.
        var files = catalog.Layers
            .Where(l => l.Source is GeoPackageFeatureSource)
            .GroupBy(l => ((GeoPackageFeatureSource)l.Source).Path)
            .ToDictionary(g => g.Key, g => (Layers: g.Select(l => l.Id).ToArray(), Sources: g.Select(l => (GeoPackageFeatureSource)l.Source).Distinct().ToArray()));
        if (seconds <= 0 || files.Count == 0)
        {
            return;
        }

        var stamps = files.Keys.ToDictionary(f => f, Stamp);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var (file, (layers, sources)) in files)
            {
                string stamp = Stamp(file);
                if (stamp == stamps[file])
                {
                    continue;
                }

                stamps[file] = stamp;

                // Before the layers are reported: a tile produced for the change must read the file now at the path,
                // not an old one a pooled handle still holds open after a rename.
                foreach (var source in sources)
                {
                    source.ReleaseIdleConnections();
                }

                try
                {
                    await changes.PublishAsync(layers.Select(LayerDataChange.Whole).ToArray(), stoppingToken).ConfigureAwait(false);
                    logger.LogInformation("{File} changed: layers {Layers} reported as changed", file, string.Join(", ", layers));
                }
                catch (AggregateException failure)
                {
                    logger.LogError(failure, "{File} changed: a consumer of the change failed", file);
                }
            }
        }
    }

    private static string Stamp(string file)
    {
        static string Of(string path) => File.Exists(path) ? $"{File.GetLastWriteTimeUtc(path).Ticks}:{new FileInfo(path).Length}" : "-";
        return Of(file) + "|" + Of(file + "-wal");
    }
}
