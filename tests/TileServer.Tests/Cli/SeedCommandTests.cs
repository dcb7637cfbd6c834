namespace TileServer.Tests.Cli;

using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TileServer.Cli;
using TileServer.Cli.Seeding;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Services.Seeding;
using TileServer.Services.Tiles;
using TileServer.Tests.Support;

/// <summary><c>tileserver seed</c> run in-process on the small shared sample: the MBTiles it writes hold
/// exactly the non-empty tiles of the unit, a second run adds nothing, and GDAL opens the result.</summary>
public sealed class SeedCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tileserver-seed-").FullName;

    // The sample from configuration; empty TILESERVER_* values override a PostGIS or Redis the test
    // script may export, so the run reads the GeoPackage and caches in memory only.
    private static string[] Configuration =>
    [
        $"--TileServer:Sources:sample:Path={SharedSample.GeoPackagePath}",
        "--TileServer:Sources:sample:GenerateSampleIfMissing=false",
        "--TILESERVER_POSTGIS=",
        "--TILESERVER_REDIS=",
    ];

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Seeds_the_non_empty_mvt_tiles_of_a_unit_resumes_and_ogrinfo_reads_it()
    {
        string file = Path.Combine(folder, "ghyd.mbtiles");
        string[] args = ["seed", "--layers", "ghyd", "--zooms", "10-12", "--xzqdm", "152501", "--threads", "2", "--to", $"mbtiles:{file}", .. Configuration];

        Assert.Equal(0, await CommandLine.RunAsync(args));
        var expected = await ExpectedNonEmptyTilesAsync("152501", 10, 12);
        var stored = StoredTiles(file);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), stored.Order());
        Assert.Equal("pbf", Scalar(file, "SELECT value FROM metadata WHERE name='format'"));
        Assert.Contains("\"vector_layers\":[{\"id\":\"ghyd\"", (string?)Scalar(file, "SELECT value FROM metadata WHERE name='json'"));
        Assert.Equal("10", Scalar(file, "SELECT value FROM metadata WHERE name='minzoom'"));
        Assert.Equal(0L, Scalar(file, "SELECT count(*) FROM tiles WHERE hex(substr(tile_data, 1, 2)) <> '1F8B'")); // all gzip

        Assert.Equal(0, await CommandLine.RunAsync(args));
        Assert.Equal(stored.Count, StoredTiles(file).Count);

        // Extending the file to z13 keeps what is there and widens the advertised range.
        Assert.Equal(0, await CommandLine.RunAsync([.. args.Select(a => a == "10-12" ? "13-13" : a)]));
        Assert.True(StoredTiles(file).Count > stored.Count);
        Assert.Equal("10", Scalar(file, "SELECT value FROM metadata WHERE name='minzoom'"));
        Assert.Equal("13", Scalar(file, "SELECT value FROM metadata WHERE name='maxzoom'"));

        var (exitCode, output) = await RunToolAsync("ogrinfo", "-ro", file);
        Assert.True(exitCode == 0, output);
        Assert.Contains("ghyd", output);
    }

    [Fact]
    public async Task Seeds_png_tiles_that_gdalinfo_opens()
    {
        string file = Path.Combine(folder, "xzq.mbtiles");
        Assert.Equal(0, await CommandLine.RunAsync(["seed", "--layers", "xzq", "--zooms", "10-11", "--xzqdm", "152501", "--format", "png", "--to", $"mbtiles:{file}", .. Configuration]));

        Assert.Equal("png", Scalar(file, "SELECT value FROM metadata WHERE name='format'"));
        Assert.NotEqual(0L, Scalar(file, "SELECT count(*) FROM tiles"));
        var (exitCode, output) = await RunToolAsync("gdalinfo", file);
        Assert.True(exitCode == 0, output);
        Assert.Contains("MBTiles", output);
    }

    [Fact]
    public async Task Seeding_redis_makes_the_tiles_hits_for_another_instance()
    {
        string redis = Environment.GetEnvironmentVariable("TILESERVER_REDIS")
            ?? throw new InvalidOperationException("TILESERVER_REDIS is not set: run the README's test command (scripts/test.sh), which starts Redis");
        // A spot no other test asks for, so the shared tier starts without its tiles whatever ran before.
        var tile = WebMercator.TileAt(118.55 + Random.Shared.NextDouble() * 0.2, 40.95, 16);
        var b = WebMercator.TileBoundsDegrees(tile).Buffer(-1e-5, -1e-5); // inside the tile: a one-tile list
        string bbox = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{b.MinX},{b.MinY},{b.MaxX},{b.MaxY}");
        string[] shared = [.. Configuration[..^1], $"--TILESERVER_REDIS={redis}"];

        Assert.Equal(0, await CommandLine.RunAsync(["seed", "--layers", "ghyd", "--zooms", "16-16", "--bbox", bbox, "--to", "redis", .. shared]));

        await using var other = ServerApplication.Build(shared);
        Assert.True(other.Services.GetRequiredService<ILayerCatalog>().TryGet("ghyd", out var ghyd));
        var lookup = await other.Services.GetRequiredService<VectorTileService>().GetTileAsync([ghyd], tile, CancellationToken.None);
        Assert.True(lookup.FromCache, $"tile {tile} was not in the shared tier after seeding");
    }

    [Theory]
    [InlineData("CGCS2000Quad")]
    [InlineData("WorldCRS84Quad")]
    public async Task Seeding_a_geographic_matrix_set_fills_redis_with_png_tiles_that_wmts_then_hits(string setId)
    {
        string redis = Environment.GetEnvironmentVariable("TILESERVER_REDIS")
            ?? throw new InvalidOperationException("TILESERVER_REDIS is not set: run the README's test command (scripts/test.sh), which starts Redis");
        var set = TileMatrixSets.Get(setId);
        // A spot near the seat of 平泉市 (non-empty), varied per run so the shared tier starts without its tile.
        double lon = SampleServerFixture.PingquanSeatLongitude + Random.Shared.NextDouble() * 0.02, lat = SampleServerFixture.PingquanSeatLatitude;
        var point = new BoundingBox(lon - 1e-6, lat - 1e-6, lon + 1e-6, lat + 1e-6);
        var limits = set.LimitsFor(point, 13);
        var tile = new TileCoordinate(13, limits.MinColumn, limits.MinRow);
        string bbox = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{point.MinX},{point.MinY},{point.MaxX},{point.MaxY}");
        string[] shared = [.. Configuration[..^1], $"--TILESERVER_REDIS={redis}"];
        string[] seed = ["seed", "--layers", "ghyd", "--tms", setId.ToLowerInvariant(), "--format", "png", "--zooms", "13-13", "--bbox", bbox, "--to", "redis", .. shared];

        Assert.Equal(0, await CommandLine.RunAsync(seed));

        using var other = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = redis,
        });
        using var client = other.CreateClient();
        using var response = await client.GetAsync($"/wmts/1.0.0/ghyd/landuse/{setId}/13/{tile.Row}/{tile.Column}.png");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HIT", response.Headers.GetValues("X-Cache").Single());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("--tms WorldCRS84Quad", "vector tiles are served on WebMercatorQuad only")]
    [InlineData("--tms CGCS2000Quad --format png --to mbtiles:x.mbtiles", "MBTiles holds WebMercatorQuad tiles only")]
    [InlineData("--tms EPSG:4326", "is not one of WebMercatorQuad, WorldCRS84Quad, CGCS2000Quad")]
    public void Geographic_sets_are_png_tiles_into_redis_only(string extra, string message)
    {
        string[] args = ["--layers", "ghyd", "--zooms", "10-12", .. extra.Split(' ')];
        var error = Assert.Throws<UsageException>(() => SeedOptions.Parse(args));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(TileMatrixSets.Cgcs2000Quad, SeedOptions.Parse(["--layers", "ghyd", "--zooms", "1-2", "--tms", "cgcs2000quad", "--format", "png"]).TileMatrixSet);
    }

    [Fact]
    public void Progress_is_one_rewritten_line_on_a_terminal_and_plain_lines_otherwise()
    {
        var running = new SeedProgress(Done: 50, Total: 200, Stored: 40, Skipped: 0, Empty: 10, Elapsed: TimeSpan.FromSeconds(5));
        var finished = running with { Done = 200, Stored = 190, Elapsed = TimeSpan.FromSeconds(20) };
        var terminal = new StringWriter();
        var log = new StringWriter();

        foreach (var printer in new[] { new SeedProgressPrinter(terminal, interactive: true), new SeedProgressPrinter(log, interactive: false) })
        {
            printer.Report(running);
            printer.Report(finished);
        }

        Assert.StartsWith("\r", terminal.ToString());
        Assert.Contains("50/200 25.0 %  10 tiles/s  ETA 00:00:15", terminal.ToString());
        Assert.Single(terminal.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        string[] lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // the first report, then the final one (intermediate ones are throttled)
        Assert.DoesNotContain('\r', log.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
        Assert.Contains("200/200 100.0 %", lines[^1]);
    }

    [Theory]
    [InlineData("--tms", "WorldCRS84Quad")]
    [InlineData("--to", "redis")]
    [InlineData("--to", "s3:bucket")]
    [InlineData("--zooms", "12-10")]
    public async Task Unsupported_choices_are_usage_errors(string option, string value)
    {
        string[] args = ["seed", "--layers", "ghyd", "--zooms", "10-12", "--bbox", "111.9,43.6,112.0,43.7", .. Configuration];
        int index = Array.IndexOf(args, option);
        args = index >= 0 ? [.. args[..(index + 1)], value, .. args[(index + 2)..]] : [.. args, option, value];

        Assert.Equal(2, await CommandLine.RunAsync(args));
    }

    /// <summary>The tiles the unit's envelope covers (from the generated data, not the server's query)
    /// whose tile the server's own encoder makes non-empty.</summary>
    private static async Task<List<(long, long, long)>> ExpectedNonEmptyTilesAsync(string xzqdm, int minZoom, int maxZoom)
    {
        var xzq = SharedSample.Dataset.Layer("xzq");
        int codeIndex = xzq.Schema.Fields.ToList().FindIndex(f => f.Name == "xzqdm");
        var envelope = xzq.Features.Single(f => (string?)f.Values[codeIndex] == xzqdm).Geometry.EnvelopeInternal;
        var box = new BoundingBox(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);

        await using var app = ServerApplication.Build(Configuration);
        Assert.True(app.Services.GetRequiredService<ILayerCatalog>().TryGet("ghyd", out var ghyd));
        var service = app.Services.GetRequiredService<VectorTileService>();
        var expected = new List<(long, long, long)>();
        foreach (var limits in TileMatrixSets.WebMercatorQuad.LimitsFor(box, minZoom, maxZoom))
        {
            for (int row = limits.MinRow; row <= limits.MaxRow; row++)
            {
                for (int column = limits.MinColumn; column <= limits.MaxColumn; column++)
                {
                    var content = await service.ProduceAsync([ghyd], new TileCoordinate(limits.Zoom, column, row), CancellationToken.None);
                    if (!content.IsEmpty)
                    {
                        expected.Add((limits.Zoom, column, (1L << limits.Zoom) - 1 - row)); // MBTiles rows are TMS
                    }
                }
            }
        }

        return expected;
    }

    private static List<(long, long, long)> StoredTiles(string file)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT zoom_level, tile_column, tile_row FROM tiles";
        using var reader = command.ExecuteReader();
        var tiles = new List<(long, long, long)>();
        while (reader.Read())
        {
            tiles.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return tiles;
    }

    private static object? Scalar(string file, string sql)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<(int ExitCode, string Output)> RunToolAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} not found: run scripts/test.sh, which installs gdal-bin");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + stderr);
    }
}
