namespace TileServer.Tests.Support;

using System.ComponentModel;
using System.Diagnostics;

/// <summary>Runs an external client (gdal/ogr tools, Debian's /usr/bin/python3 with OWSLib, node) and returns
/// its standard output. A non-zero exit or an ERROR line on stderr fails the test with stderr in the message;
/// a missing tool fails it too, naming what scripts/test.sh installs, because absence means a broken machine.</summary>
public static class ExternalTool
{
    /// <summary>Debian's python carries python3-owslib and GDAL's bindings; another python3 may come first on PATH.</summary>
    public const string Python = "/usr/bin/python3";

    private const string InstallHint = "run scripts/test.sh, which installs gdal-bin, python3-owslib, node and the tests/js checkers";

    public static Task<string> RunAsync(string tool, params string[] arguments) => RunAsync(tool, arguments, null, null);

    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, string? stdin, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null,
        };
        start.Environment["GDAL_HTTP_TIMEOUT"] = "60";
        start.Environment["GDAL_DISABLE_READDIR_ON_OPEN"] = "EMPTY_DIR";
        // The WMS/WMTS driver caches tiles under ./gdalwmscache by default; tests must not write there.
        start.Environment["GDAL_ENABLE_WMS_CACHE"] = "NO";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException($"{tool} not found: {InstallHint}");
        }

        using (process)
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
                process.StandardInput.Close();
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed (exit {process.ExitCode}): {stderr}");
            Assert.DoesNotContain("ERROR", stderr, StringComparison.Ordinal);
            return await stdout;
        }
    }
}
