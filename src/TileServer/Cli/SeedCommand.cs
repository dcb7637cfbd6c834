namespace TileServer.Cli;

using TileServer.Cli.Seeding;
using TileServer.Configuration;
using TileServer.Core.Caching;
using TileServer.Core.Errors;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Protocols.Xyz;
using TileServer.Services.Raster;
using TileServer.Services.Seeding;
using TileServer.Services.Tiles;
using TileServer.Sources.GeoPackage.MbTiles;

/// <summary><c>tileserver seed --layers a[,b] --zooms 10-14 [--bbox …|--xzqdm CODE] [--threads N]
/// [--tms WebMercatorQuad|WorldCRS84Quad|CGCS2000Quad] [--format mvt|png] [--to redis|mbtiles:FILE]</c>: produces tiles ahead of requests with the server's own
/// services (built, never listening). Both targets resume: an MBTiles run skips the tiles the file already
/// holds; a Redis run asks the cache, where tiles seeded before are hits that cost one lookup.</summary>
public static class SeedCommand
{
    public const string AreaLayer = "xzq";
    public const string AreaField = "xzqdm";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = SeedOptions.Parse(args);
        await using var app = ServerApplication.Build([.. options.ConfigurationArgs]);
        var services = app.Services;
        if (options.MbTilesPath is null && string.IsNullOrWhiteSpace(services.GetRequiredService<IConfiguration>()[CacheSettings.RedisVariable])
            && string.IsNullOrWhiteSpace(services.GetRequiredService<TileServerSettings>().Cache.Redis))
        {
            // Without Redis the cache is this process's memory, gone when the command exits.
            throw new UsageException($"--to redis needs {CacheSettings.RedisVariable} (or TileServer:Cache:Redis); use --to mbtiles:FILE to seed a file");
        }

        using var cancel = new CancellationTokenSource();
        // Ctrl+C stops cleanly: the MBTiles writer commits what is done, and the next run resumes from there.
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await SeedAsync(options, services, cancel).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> SeedAsync(SeedOptions options, IServiceProvider services, CancellationTokenSource cancel)
    {
        var catalog = services.GetRequiredService<ILayerCatalog>();
        var layers = options.Layers.Select(id => catalog.TryGet(id, out var layer) ? layer
            : throw new UsageException($"--layers: unknown layer '{id}' (published: {string.Join(", ", catalog.Layers.Select(l => l.Id))})")).ToList();
        var bounds = await ResolveBoundsAsync(options, catalog, layers, cancel.Token).ConfigureAwait(false);
        // Levels outside every layer's zoom range would only produce empty tiles. The layers' ranges are Web
        // Mercator levels; a geographic set's level z has the scale of Web Mercator level z + 1, so its range is
        // one lower (empty tiles at the edges are counted and skipped anyway).
        var set = options.TileMatrixSet;
        int shift = set.Id == TileMatrixSets.WebMercatorQuadId ? 0 : 1;
        int minZoom = Math.Max(Math.Max(options.MinZoom, layers.Min(l => l.Definition.MinZoom) - shift), set.MinZoom);
        int maxZoom = Math.Min(Math.Min(options.MaxZoom, layers.Max(l => l.Definition.MaxZoom) - shift), set.MaxZoom);
        if (minZoom > maxZoom)
        {
            throw new UsageException($"--zooms {options.MinZoom}-{options.MaxZoom}: no level within the layers' range {layers.Min(l => l.Definition.MinZoom)}-{layers.Max(l => l.Definition.MaxZoom)}");
        }

        var list = new SeedTileList(set, bounds, minZoom, maxZoom);
        bool vector = options.Format == "mvt";
        var vectorTiles = services.GetRequiredService<VectorTileService>();
        var rasterTiles = services.GetRequiredService<RasterTileService>();
        var gridTiles = new GridRasterTileService(services.GetRequiredService<ITileCache>(), rasterTiles);
        string target = options.MbTilesPath ?? "the tile cache (Redis)";
        Console.WriteLine($"tileserver: seeding {list.Count:N0} {options.Format} tiles of {string.Join(',', options.Layers)}, {set.Id} z{minZoom}-{maxZoom}, "
            + $"bbox {bounds.MinX:F5},{bounds.MinY:F5},{bounds.MaxX:F5},{bounds.MaxY:F5} into {target} with {options.Threads} threads");
        var seeder = new TileSeeder(options.Threads);
        var printer = new SeedProgressPrinter(Console.Out, !Console.IsOutputRedirected);
        try
        {
            SeedProgress result;
            if (options.MbTilesPath is { } path)
            {
                using var writer = OpenMbTiles(path);
                var existing = writer.ExistingTiles();
                writer.SetMetadata(MbTilesMetadata.Build(layers, options.Format, bounds, minZoom, maxZoom, services.GetRequiredService<XyzOptions>(),
                    existing.Count > 0 ? writer.Metadata() : null));
                result = await seeder.RunAsync(list,
                    tile => existing.Contains((tile.Zoom, tile.Column, tile.Row)),
                    async (tile, ct) => (vector ? await vectorTiles.ProduceAsync(layers, tile, ct).ConfigureAwait(false)
                        : await rasterTiles.ProduceAsync(layers, tile, ct).ConfigureAwait(false), false),
                    // MBTiles 1.3 "Content": pbf tiles are stored gzip-compressed; PNG as is.
                    (tile, content, _) => { writer.Add(tile.Zoom, tile.Column, tile.Row, vector ? content.Gzipped : content.Data); return ValueTask.CompletedTask; },
                    printer, cancel.Token).ConfigureAwait(false);
            }
            else
            {
                result = await seeder.RunAsync(list, _ => false,
                    async (tile, ct) =>
                    {
                        var lookup = vector ? await vectorTiles.GetTileAsync(layers, tile, ct).ConfigureAwait(false)
                            : await gridTiles.GetTileAsync(layers, set, tile, ct).ConfigureAwait(false);
                        return (lookup.Content, lookup.FromCache); // a hit was seeded before (or requested since)
                    },
                    (_, _, _) => ValueTask.CompletedTask, // the cache stored the tile while producing it
                    printer, cancel.Token).ConfigureAwait(false);
            }

            Console.WriteLine($"tileserver: seeded {result.Stored:N0} tiles ({result.Empty:N0} empty, {result.Skipped:N0} already present) in {result.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.WriteLine();
            Console.Error.WriteLine("tileserver: seeding interrupted; run the same command again to resume");
            return 130;
        }
    }

    /// <summary>A target that cannot be opened or created as SQLite (a folder, no write permission, a file that is not
    /// a database) is the user's mistake: one line naming the file, not SQLite's stack trace.</summary>
    private static MbTilesWriter OpenMbTiles(string path)
    {
        try
        {
            return new MbTilesWriter(path);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new DataSourceException($"--to mbtiles:{path}: cannot open or create the MBTiles file ({e.Message})", e);
        }
    }

    private static async Task<BoundingBox> ResolveBoundsAsync(SeedOptions options, ILayerCatalog catalog, List<PublishedLayer> layers, CancellationToken cancellationToken)
    {
        if (options.Bounds is { } bounds)
        {
            return bounds;
        }

        if (options.Xzqdm is { } code)
        {
            if (!catalog.TryGet(AreaLayer, out var area))
            {
                throw new UsageException($"--xzqdm needs the '{AreaLayer}' layer, which is not published");
            }

            var extent = await FeatureExtent.FindAsync(area, AreaField, code, cancellationToken).ConfigureAwait(false);
            return extent.IsEmpty ? throw new UsageException($"--xzqdm: no {AreaLayer} feature with {AreaField} {code}") : extent;
        }

        var union = layers.Aggregate(BoundingBox.Empty, (box, l) => box.ExpandToInclude(l.Info.Extent));
        return union.IsEmpty ? throw new DataSourceException($"layers {string.Join(',', options.Layers)} have no extent; give --bbox") : union;
    }
}
