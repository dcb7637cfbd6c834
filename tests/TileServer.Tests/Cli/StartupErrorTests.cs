namespace TileServer.Tests.Cli;

using System.Diagnostics;
using TileServer.Tests.Support;

/// <summary>A missing or corrupt data file stops the real executable with one line naming the file.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public async Task Corrupt_geopackage_gives_one_line_naming_the_file()
    {
        string file = Path.Combine(Path.GetTempPath(), $"corrupt-{Guid.NewGuid():N}.gpkg");
        await File.WriteAllTextAsync(file, "this is not a database, just text pretending to be one");
        try
        {
            var (exitCode, stdout, stderr) = await RunHostAsync("serve", "--urls", "http://127.0.0.1:0",
                $"--TileServer:Sources:sample:Path={file}", "--TileServer:Sources:sample:GenerateSampleIfMissing=false");

            AssertOneErrorLine(exitCode, stdout, stderr, file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Missing_geopackage_without_generation_gives_one_line_naming_the_file()
    {
        string file = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.gpkg");
        var (exitCode, _, stderr) = await RunHostAsync("--urls", "http://127.0.0.1:0",
            $"--TileServer:Sources:sample:Path={file}", "--TileServer:Sources:sample:GenerateSampleIfMissing=false");

        Assert.Equal(1, exitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(file, line);
    }

    [Fact]
    public async Task Unknown_verb_and_bad_option_are_usage_errors()
    {
        var (verbExit, _, verbError) = await RunHostAsync("frobnicate");
        Assert.Equal(2, verbExit);
        Assert.Contains("unknown command 'frobnicate'", verbError);

        var (optionExit, _, optionError) = await RunHostAsync("sample", "--density", "-3");
        Assert.Equal(2, optionExit);
        Assert.Contains("--density", optionError);
    }

    [Theory]
    [InlineData("Port=5432;Database=x")] // no host
    [InlineData("Host=127.0.0.1;Bogus Key=1")] // a key Npgsql does not know
    [InlineData("   ")] // blank: as if no connection string were given
    public async Task Import_with_an_unusable_connection_string_is_a_usage_error_without_a_stack_trace(string connection)
    {
        string file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, """{"type":"FeatureCollection","features":[]}""");
        try
        {
            var (exitCode, stdout, stderr) = await RunHostAsync("import", file, "--to", connection);

            Assert.Equal(2, exitCode);
            Assert.Contains("connection string", stderr);
            Assert.DoesNotContain("   at ", stdout + stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("/proc/tileserver-qa.mbtiles")] // a folder nobody may create files in
    [InlineData("/tmp")] // a folder, not a file
    [InlineData("TEXT")] // a file that is not a database
    public async Task Seed_into_an_unusable_mbtiles_file_gives_one_line_naming_the_file(string target)
    {
        string text = Path.Combine(Path.GetTempPath(), $"not-mbtiles-{Guid.NewGuid():N}.mbtiles");
        await File.WriteAllTextAsync(text, "plain text, not SQLite");
        string file = target == "TEXT" ? text : target;
        try
        {
            var (exitCode, stdout, stderr) = await RunHostAsync("seed", "--layers", "xzq", "--zooms", "0-0", "--to", $"mbtiles:{file}",
                $"--TileServer:Sources:sample:Path={SharedSample.GeoPackagePath}", "--TileServer:Sources:sample:GenerateSampleIfMissing=false", "--TILESERVER_REDIS=");

            AssertOneErrorLine(exitCode, stdout, stderr, file);
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Fact]
    public async Task Sample_of_an_unknown_unit_is_a_usage_error()
    {
        var (exitCode, stdout, stderr) = await RunHostAsync("sample", "--units", "152501,999999", "--output", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.gpkg"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--units", stderr);
        Assert.Contains("999999", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Theory]
    [InlineData(",")]
    [InlineData(" , ")]
    public async Task Sample_of_an_empty_unit_list_is_a_usage_error(string units)
    {
        var (exitCode, stdout, stderr) = await RunHostAsync("sample", "--units", units, "--output", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.gpkg"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--units: no unit code given", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task Sample_into_an_unwritable_file_gives_one_line_naming_the_file()
    {
        const string file = "/proc/tileserver-qa/sample.gpkg";
        var (exitCode, stdout, stderr) = await RunHostAsync("sample", "--units", "152501", "--density", "0.02", "--output", file);

        Assert.Equal(1, exitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(file, line);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Theory]
    [InlineData("http://127.0.0.1:99999", "99999")] // a port beyond 65535
    [InlineData("not-a-url", "not-a-url")]
    [InlineData("BUSY", "address already in use")]
    public async Task Serve_on_an_unusable_address_gives_one_line_without_a_stack_trace(string urls, string expected)
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        if (urls == "BUSY")
            urls = $"http://127.0.0.1:{((System.Net.IPEndPoint)busy.LocalEndpoint).Port}";
        var (exitCode, stdout, stderr) = await RunHostAsync("serve", "--urls", urls,
            $"--TileServer:Sources:sample:Path={SharedSample.GeoPackagePath}", "--TileServer:Sources:sample:GenerateSampleIfMissing=false");

        AssertOneErrorLine(exitCode, stdout, stderr, expected);
    }

    [Theory]
    [InlineData("--TileServer:Cache:MemoryMegabytes=abc", "TileServer:Cache:MemoryMegabytes")]
    [InlineData("--TileServer:Cache:MemoryMegabytes=-5", "TileServer:Cache:MemoryMegabytes")]
    [InlineData("--TileServer:OgcApi:MaxLimit=lots", "TileServer:OgcApi:MaxLimit")]
    [InlineData("--TileServer:RasterTiles:BufferPixels=wide", "TileServer:RasterTiles:BufferPixels")]
    [InlineData("--TileServer:Layers:1:IdField=nosuch", "IdField 'nosuch'")] // started, then every ghyd tile was a 500
    public async Task A_malformed_setting_stops_serve_with_one_line_naming_the_key(string setting, string key)
    {
        // The host gets a temp path of its own (TMPDIR), so what it leaves there is its own, whatever runs in parallel.
        string temp = TemporaryFolders.Create("startup-temp-");
        var (exitCode, stdout, stderr) = await RunHostWithTempAsync(temp, "serve", "--urls", "http://127.0.0.1:0", setting,
            $"--TileServer:Sources:sample:Path={SharedSample.GeoPackagePath}", "--TileServer:Sources:sample:GenerateSampleIfMissing=false");

        AssertOneErrorLine(exitCode, stdout, stderr, key);
        // The planning snapshots' folder is created as the catalog is resolved; a failed start must remove it
        // (a bad OgcApi setting used to fail after that, outside the disposal, and left its folder behind).
        Assert.Empty(Directory.GetDirectories(temp, "tileserver-snapshots-*"));
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[""")] // truncated
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0]]]},"properties":{}}]}""")] // ring not closed
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{}}]}""")] // no geometry member
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":"here"},"properties":{}}]}""")]
    public async Task Import_of_a_malformed_geojson_gives_one_line_naming_the_file(string content)
    {
        // The file is read before any connection is made, so an unreachable database does not matter here.
        string file = Path.Combine(Path.GetTempPath(), $"malformed-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, content);
        try
        {
            var (exitCode, stdout, stderr) = await RunHostAsync("import", file, "--to", "Host=127.0.0.1;Port=1;Timeout=1");

            AssertOneErrorLine(exitCode, stdout, stderr, file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A failed command: exit code 1, and on stderr one line "tileserver: …" containing
    /// <paramref name="expected"/>, with no stack trace in either stream.</summary>
    private static void AssertOneErrorLine(int exitCode, string stdout, string stderr, string expected)
    {
        Assert.Equal(1, exitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tileserver: ", line);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(params string[] args) => RunHostWithTempAsync(null, args);

    /// <param name="tempPath">The host's temp path (TMPDIR, which .NET's Path.GetTempPath reads on Unix), or null for the inherited one.</param>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunHostWithTempAsync(string? tempPath, params string[] args)
    {
        // The host is built beside the tests in the same configuration (Debug or Release).
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        string dll = Path.Combine(RepositoryRoot.Path, "src", "TileServer", "bin", configuration, "net10.0", "TileServer.dll");
        Assert.True(File.Exists(dll), $"host not built at {dll}");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        // The test script exports a PostGIS connection; with it the host would serve from PostGIS instead.
        start.Environment.Remove("TILESERVER_POSTGIS");
        if (tempPath is not null)
            start.Environment["TMPDIR"] = tempPath;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // a host that started serving instead of failing must not outlive the test
            throw new TimeoutException($"tileserver {string.Join(' ', args)} did not exit within 60 s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
