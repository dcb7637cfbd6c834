namespace TileServer.Cli.Seeding;

using System.Globalization;
using TileServer.Core.Geometry;
using TileServer.Core.Tiling;

/// <summary>The parsed options of <c>tileserver seed</c>; options of the form <c>--Section:Key=value</c>
/// are kept apart and handed to the host's configuration, as <c>serve</c> takes them.</summary>
public sealed record SeedOptions
{
    public const string RedisTarget = "redis";
    public const string MbTilesPrefix = "mbtiles:";

    private static readonly HashSet<string> Valued = ["layers", "tms", "zooms", "bbox", "xzqdm", "threads", "format", "to"];

    public required IReadOnlyList<string> Layers { get; init; }
    public TileMatrixSet TileMatrixSet { get; init; } = TileMatrixSets.WebMercatorQuad;
    public int MinZoom { get; init; }
    public int MaxZoom { get; init; }
    public BoundingBox? Bounds { get; init; }
    public string? Xzqdm { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string Format { get; init; } = "mvt";

    /// <summary>The MBTiles file to write, or null to seed the server's cache (Redis).</summary>
    public string? MbTilesPath { get; init; }
    public IReadOnlyList<string> ConfigurationArgs { get; init; } = [];

    public static SeedOptions Parse(string[] args)
    {
        var configuration = args.Where(IsConfiguration).ToArray();
        var options = new OptionReader(args.Where(a => !IsConfiguration(a)).ToArray(), Valued, new HashSet<string>());
        var layers = options.Text("layers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? throw new UsageException("seed needs --layers a[,b]");
        string tms = options.Text("tms") ?? TileMatrixSets.WebMercatorQuadId;
        if (!TileMatrixSets.TryGet(tms, out var matrixSet))
        {
            throw new UsageException($"--tms: '{tms}' is not one of {string.Join(", ", TileMatrixSets.All.Select(s => s.Id))}");
        }

        var (minZoom, maxZoom) = ParseZooms(options.Text("zooms") ?? throw new UsageException("seed needs --zooms MIN-MAX (e.g. 10-14)"));
        if (options.Has("bbox") && options.Has("xzqdm"))
        {
            throw new UsageException("give --bbox or --xzqdm, not both");
        }

        string format = (options.Text("format") ?? "mvt").ToLowerInvariant();
        if (format is not ("mvt" or "png"))
        {
            throw new UsageException($"--format: '{format}' is not one of mvt, png");
        }

        string to = options.Text("to") ?? RedisTarget;
        string? mbtiles = to.StartsWith(MbTilesPrefix, StringComparison.OrdinalIgnoreCase) ? to[MbTilesPrefix.Length..] : null;
        if (mbtiles is null && to != RedisTarget || mbtiles is { Length: 0 })
        {
            throw new UsageException($"--to: '{to}' is not 'redis' or 'mbtiles:FILE'");
        }

        bool webMercator = matrixSet.Id == TileMatrixSets.WebMercatorQuadId;
        if (!webMercator && format == "mvt")
        {
            // The vector tile service encodes Web Mercator tiles only; the geographic sets are WMTS PNG tiles.
            throw new UsageException($"--tms {matrixSet.Id}: vector tiles are served on {TileMatrixSets.WebMercatorQuadId} only; add --format png");
        }

        if (!webMercator && mbtiles is not null)
        {
            // MBTiles 1.3 assumes the spherical Mercator tiling scheme: a geographic grid cannot be stored in it.
            throw new UsageException($"--tms {matrixSet.Id}: MBTiles holds {TileMatrixSets.WebMercatorQuadId} tiles only; use --to redis");
        }

        int threads = options.Integer("threads") ?? Environment.ProcessorCount;
        return new SeedOptions
        {
            Layers = layers,
            TileMatrixSet = matrixSet,
            MinZoom = minZoom,
            MaxZoom = maxZoom,
            Bounds = options.Text("bbox") is { } bbox ? ParseBounds(bbox) : null,
            Xzqdm = options.Text("xzqdm"),
            Threads = threads > 0 ? threads : throw new UsageException("--threads must be at least 1"),
            Format = format,
            MbTilesPath = mbtiles is null ? null : Path.GetFullPath(mbtiles),
            ConfigurationArgs = configuration,
        };
    }

    private static bool IsConfiguration(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var eq
        && (arg.AsSpan(2, eq - 2).Contains(':') || arg.AsSpan(2, eq - 2).StartsWith("TILESERVER_", StringComparison.Ordinal));

    private static (int, int) ParseZooms(string text)
    {
        string[] parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int min)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int max) && min <= max && max <= 24)
        {
            return (min, max);
        }

        throw new UsageException($"--zooms: '{text}' is not MIN-MAX with 0 ≤ MIN ≤ MAX ≤ 24");
    }

    private static BoundingBox ParseBounds(string text)
    {
        double[] values = text.Split(',').Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN).ToArray();
        if (values.Length == 4 && values.All(double.IsFinite) && values[0] < values[2] && values[1] < values[3]
            && values[0] >= -180 && values[2] <= 180 && values[1] >= -90 && values[3] <= 90)
        {
            return new BoundingBox(values[0], values[1], values[2], values[3]);
        }

        throw new UsageException($"--bbox: '{text}' is not minLon,minLat,maxLon,maxLat in degrees");
    }
}
