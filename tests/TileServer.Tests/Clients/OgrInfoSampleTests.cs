namespace TileServer.Tests.Clients;

using System.Diagnostics;
using TileServer.Tests.Support;

/// <summary>GDAL's ogrinfo (the desktop GIS stack our users run) opens the generated sample without a
/// warning and sees the six layers in EPSG:4490 with their spatial indexes.</summary>
public sealed class OgrInfoSampleTests
{
    [Fact]
    public async Task Ogrinfo_lists_the_six_layers_in_cgcs2000()
    {
        var start = new ProcessStartInfo("ogrinfo", ["-so", "-al", SharedSample.GeoPackagePath]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("ogrinfo not found: run scripts/test.sh, which installs gdal-bin");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            string output = await stdout;

            Assert.Equal(0, process.ExitCode);
            Assert.DoesNotContain("Warning", stderr + output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ERROR", stderr + output);
            foreach (string layer in new[] { "xzq", "ghyd", "yjjbnt", "stbhhx", "czkfbj", "czjsyd2020" })
            {
                Assert.Contains($"Layer name: {layer}", output);
            }

            Assert.Equal(6, CountOf(output, "ID[\"EPSG\",4490]"));
            Assert.Contains("ydyhfldm: String", output);
            Assert.Contains("mj: Real", output);
        }
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
