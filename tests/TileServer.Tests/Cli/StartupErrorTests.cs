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

            Assert.Equal(1, exitCode);
            string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("tileserver: ", line);
            Assert.Contains(file, line);
            Assert.DoesNotContain("   at ", stdout + stderr);
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

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(params string[] args)
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
