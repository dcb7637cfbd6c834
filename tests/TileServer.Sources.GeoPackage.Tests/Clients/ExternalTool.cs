namespace TileServer.Sources.GeoPackage.Tests.Clients;

using System.Diagnostics;
using System.Text;

/// <summary>Runs the desktop tools our users open GeoPackages with (GDAL's ogrinfo, ogr2ogr and its
/// validate_gpkg.py). A missing tool fails the test rather than skipping it: CI installs them
/// (apt-get install -y gdal-bin python3-gdal), so absence means a broken machine, not an optional check.</summary>
public static class ExternalTool
{
    public const string InstallHint = "install GDAL's tools with: apt-get install -y gdal-bin python3-gdal";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static readonly string[] ValidatorLocations =
    [
        "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
        "/usr/share/doc/python3-gdal/examples/validate_gpkg.py",
    ];

    /// <summary>The full path of <paramref name="name"/> on PATH; fails the test when absent.</summary>
    public static string Require(string name)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"'{name}' was not found on PATH; {InstallHint}");
        return found!;
    }

    public static string RequireValidator()
    {
        var found = ValidatorLocations.FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"validate_gpkg.py was not found at {string.Join(" or ", ValidatorLocations)}; {InstallHint}");
        return found!;
    }

    /// <summary>The interpreter python3-gdal installs into. A pyenv or venv python3 earlier on PATH
    /// lacks the osgeo module, and validate_gpkg.py silently skips its GDAL-based checks without it.</summary>
    public static string RequirePython() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : Require("python3");

    public static ToolResult Run(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Messages are matched in English; keep the locale from translating them.
        start.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{executable} did not finish within {Timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }
}
