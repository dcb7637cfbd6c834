namespace TileServer.Http;

using TileServer.Configuration;
using TileServer.Core.Caching;
using TileServer.Core.Layers;
using TileServer.Sources.GeoPackage;

/// <summary>Watches the GeoPackage files behind the published layers: when a file (or its write-ahead log)
/// changes — an editor saved in QGIS, a new delivery was copied over — the generations of its layers
/// are bumped, so every cached tile of those layers, in every format and tile matrix set, is out of
/// reach at once. Polling the file's time and size is used rather than FileSystemWatcher because it
/// also works on network and container file systems.</summary>
public sealed class GeoPackageChangeMonitor(ILayerCatalog catalog, ILayerGenerations generations, TileServerSettings settings, ILogger<GeoPackageChangeMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        double seconds = settings.Cache.SourceWatchSeconds;
        var files = catalog.Layers
            .Where(l => l.Source is GeoPackageFeatureSource)
            .GroupBy(l => ((GeoPackageFeatureSource)l.Source).Path)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Id).ToArray());
        if (seconds <= 0 || files.Count == 0)
        {
            return;
        }

        var stamps = files.Keys.ToDictionary(f => f, Stamp);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var (file, layers) in files)
            {
                string stamp = Stamp(file);
                if (stamp == stamps[file])
                {
                    continue;
                }

                stamps[file] = stamp;
                foreach (string layer in layers)
                {
                    await generations.BumpAsync(layer, stoppingToken).ConfigureAwait(false);
                }

                logger.LogInformation("{File} changed: cached tiles of {Layers} invalidated", file, string.Join(", ", layers));
            }
        }
    }

    private static string Stamp(string file)
    {
        static string Of(string path) => File.Exists(path) ? $"{File.GetLastWriteTimeUtc(path).Ticks}:{new FileInfo(path).Length}" : "-";
        return Of(file) + "|" + Of(file + "-wal");
    }
}
