namespace TileServer.Core.Tests.Crs;

using System.Diagnostics;
using System.Globalization;
using TileServer.Core.Crs;
using TileServer.Core.Geometry;

/// <summary>Checks our transforms against PROJ, through GDAL's gdaltransform (Debian gdal-bin, installed by
/// scripts/test.sh), which writes easting before northing like our internal order.</summary>
public sealed class CrsTransformerTests
{
    // Points spread over the seed units and across their zones (up to 1.7° from the central meridian).
    private static readonly (double Lon, double Lat)[] Points =
    [
        (118.7785, 40.8801), (118.30, 41.20), (119.19, 40.62), (111.98, 43.65), (110.90, 43.40),
        (122.1416, 43.6950), (119.30, 45.10), (123.60, 42.70), (126.6063, 42.0472), (128.10, 41.40),
    ];

    [Theory]
    [InlineData(4549)]
    [InlineData(4528)]
    [InlineData(4546)]
    [InlineData(4550)]
    [InlineData(4551)]
    [InlineData(3857)]
    public void Agrees_with_proj_within_a_millimetre_and_round_trips(int epsg)
    {
        var crs = CrsRegistry.FindEpsg(epsg)!;
        var near = Points.Where(p => epsg == 3857 || Math.Abs(p.Lon - CentralMeridian(crs)) <= 1.75).ToArray();
        Assert.NotEmpty(near);
        var expected = GdalTransform(epsg, near);
        var forward = CrsTransformer.FromStorage(crs);
        var inverse = CrsTransformer.ToStorage(crs);

        for (int i = 0; i < near.Length; i++)
        {
            var (x, y) = forward.Transform(near[i].Lon, near[i].Lat);
            Assert.True(Math.Abs(x - expected[i].X) < 0.001 && Math.Abs(y - expected[i].Y) < 0.001,
                $"EPSG:{epsg} {near[i]}: ours ({x:F4}, {y:F4}), PROJ ({expected[i].X:F4}, {expected[i].Y:F4})");
            var (lon, lat) = inverse.Transform(x, y);
            Assert.Equal(near[i].Lon, lon, 1e-9);
            Assert.Equal(near[i].Lat, lat, 1e-9);
        }
    }

    [Fact]
    public void Geographic_crss_are_the_identity_and_boxes_follow_bent_edges()
    {
        Assert.True(CrsTransformer.FromStorage(CrsRegistry.Wgs84).IsIdentity);
        Assert.True(CrsTransformer.ToStorage(CrsRegistry.Crs84).IsIdentity);

        // Parallels are curved in transverse Mercator: the southern edge dips lowest on the central
        // meridian (120°E), between the corners, so the corners alone would cut the box's image short.
        var forward = CrsTransformer.FromStorage(CrsRegistry.FindEpsg(4549)!);
        var box = new BoundingBox(118.0, 40.0, 122.0, 42.0);
        var image = forward.TransformBox(box);
        var (_, cornerSouth) = forward.Transform(118.0, 40.0);
        var (_, middleSouth) = forward.Transform(120.0, 40.0);
        Assert.True(middleSouth < cornerSouth - 100);
        Assert.Equal(middleSouth, image.MinY, 1e-6);
    }

    private static double CentralMeridian(CoordinateReferenceSystem crs)
    {
        int code = crs.EpsgCode!.Value;
        int zone = code <= CrsRegistry.LastZonedGaussKruger ? code - CrsRegistry.FirstZonedGaussKruger + 25 : code - CrsRegistry.FirstCentralMeridianGaussKruger + 25;
        return zone * 3;
    }

    private static (double X, double Y)[] GdalTransform(int epsg, (double Lon, double Lat)[] points)
    {
        var start = new ProcessStartInfo("gdaltransform", ["-s_srs", "EPSG:4490", "-t_srs", $"EPSG:{epsg}"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        foreach (var (lon, lat) in points)
            process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lon:R} {lat:R}"));
        process.StandardInput.Close();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
