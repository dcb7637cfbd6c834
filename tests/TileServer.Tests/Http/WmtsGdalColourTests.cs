namespace TileServer.Tests.Http;

using System.Globalization;
using TileServer.Styling;
using TileServer.Tests.Support;

/// <summary>GDAL's WMTS driver reads a window over 平泉's seat through GetTile from a real listening server
/// (Kestrel on a free port), and the pixels at points well inside known ghyd parcels carry the fill colour
/// that styles/landuse.json gives the parcel's class (issue 4 item 5).</summary>
public sealed class WmtsGdalColourTests : IDisposable
{
    // The window of WmtsGdalTests: 0.05° at 256 px reads CGCS2000Quad level 13, inside ghyd's limits.
    private const double West = 118.68, North = 41.03, East = 118.73, South = 40.98;

    private readonly KestrelSampleServer server = new();

    [Fact]
    public async Task Gdal_translate_window_shows_the_class_colour_at_parcel_interiors()
    {
        string output = Path.Combine(Path.GetTempPath(), $"wmts-colour-{Guid.NewGuid():N}.tif");
        try
        {
            string source = $"WMTS:{server.BaseUrl}/wmts/1.0.0/WMTSCapabilities.xml,layer=ghyd,tilematrixset=CGCS2000Quad";
            await ExternalTool.RunAsync("gdal_translate", "-q", "-of", "GTiff", "-projwin", Invariant(West), Invariant(North), Invariant(East), Invariant(South), "-outsize", "256", "256", source, output);

            var painter = new StylePainter(StyleRegistry.LoadDirectory(Path.Combine(RepositoryRoot.Path, "styles")).Get("landuse"));
            var parcels = await InteriorPointsAsync();
            Assert.True(parcels.Count >= 5, $"only {parcels.Count} parcels in the window are large enough to test");
            foreach (var (code, lon, lat) in parcels)
            {
                var fill = painter.Resolve("ghyd", new Dictionary<string, string?> { ["ydyhfldm"] = code }, 13)!.Fill!.Value;
                string values = await ExternalTool.RunAsync("gdallocationinfo", "-valonly", "-geoloc", output, Invariant(lon), Invariant(lat));
                byte[] rgba = values.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(v => byte.Parse(v.Trim(), CultureInfo.InvariantCulture)).ToArray();
                Assert.True(rgba.Length == 4, $"expected 4 bands at {lon},{lat}, got '{values}'");
                Assert.Equal((fill.Color.R, fill.Color.G, fill.Color.B, (byte)255), (rgba[0], rgba[1], rgba[2], rgba[3]));
            }
        }
        finally
        {
            File.Delete(output);
            File.Delete(output + ".aux.xml");
        }
    }

    /// <summary>The ten largest ghyd parcels inside the window, each with a point whose surrounding square of
    /// about 3 output pixels lies wholly inside the parcel, so resampling at edges cannot blend in a neighbour.</summary>
    private static async Task<List<(string Code, double Lon, double Lat)>> InteriorPointsAsync()
    {
        const double margin = 3 * (East - West) / 256;
        string sql = string.Create(CultureInfo.InvariantCulture,
            $"SELECT ydyhfldm, ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT ydyhfldm, geom, ST_PointOnSurface(geom) AS p FROM ghyd "
            + $"WHERE ST_Within(geom, BuildMbr({West}, {South}, {East}, {North})) ORDER BY ST_Area(geom) DESC LIMIT 10) "
            + $"WHERE ST_Within(BuildMbr(ST_X(p) - {margin}, ST_Y(p) - {margin}, ST_X(p) + {margin}, ST_Y(p) + {margin}), geom)");
        // GDAL 3.6's ogrinfo has no -json: read the rows as CSV on stdout (codes are digits, no quoting).
        string csv = await ExternalTool.RunAsync("ogr2ogr", "-f", "CSV", "/vsistdout/", "-dialect", "SQLite", "-sql", sql, SharedSample.GeoPackagePath);
        var points = new List<(string, double, double)>();
        foreach (string line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            string[] cells = line.Split(',');
            points.Add((cells[0].Trim('"'), double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[2], CultureInfo.InvariantCulture)));
        }

        return points;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => server.Dispose();
}
