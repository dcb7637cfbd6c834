namespace TileServer.Sources.GeoPackage.Tests.Clients;

using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>Opens written files in the client our users actually run, Debian 12's GDAL 3.6.2: ogrinfo
/// must read every layer without a single warning, and GDAL's own validate_gpkg.py must accept the
/// file (it checks the GeoPackage 1.3 requirements, including the Annex F.3 R-tree triggers).</summary>
public sealed partial class GdalClientTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();
    private readonly string path;
    private readonly FeatureLayerData parcels = SampleLayers.Parcels(40);
    private readonly FeatureLayerData blocks = SampleLayers.Parcels(25, seed: 7, name: "blocks");
    private readonly FeatureLayerData roads = SampleLayers.Roads(15);

    public GdalClientTests()
    {
        path = directory.File("plan.gpkg");
        GeoPackageWriter.Write(path, [parcels, blocks, roads]);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Ogrinfo_lists_every_layer_with_count_crs_and_fields_and_prints_no_warning()
    {
        var result = ExternalTool.Run(ExternalTool.Require("ogrinfo"), "-so", "-al", path);

        AssertCleanSuccess(result);
        var sections = LayerSections(result.Output);
        Assert.Equal(["blocks", "parcels", "roads"], sections.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, count, geometry) in new[] { ("parcels", 40, "Polygon"), ("blocks", 25, "Polygon"), ("roads", 15, "Line String") })
        {
            var section = sections[name];
            Assert.Contains($"Feature Count: {count}\n", section);
            Assert.Contains($"Geometry: {geometry}\n", section);
            Assert.Contains("\"China Geodetic Coordinate System 2000\"", section);
            Assert.Contains("ID[\"EPSG\",4490]]", section);
            Assert.Contains("FID Column = fid\n", section);
            Assert.Contains("Geometry Column = geom\n", section);
        }

        // GDAL reports SQLite INTEGER columns as Integer64 (OGR's 64-bit integer type).
        foreach (var name in new[] { "parcels", "blocks" })
            Assert.Equal(["dlbm: String (0.0)", "bsm: Integer64 (0.0)", "mj: Real (0.0)"], FieldLines(sections[name]));
        Assert.Equal(["name: String (0.0)"], FieldLines(sections["roads"]));
        Assert.Contains("IDENTIFIER=地块 (blocks)", sections["blocks"]);
    }

    [Fact]
    public void Gdal_validate_gpkg_accepts_the_file()
    {
        var result = ExternalTool.Run(ExternalTool.RequirePython(), ExternalTool.RequireValidator(), path);

        // The validator prints one line per failed requirement and nothing when the file conforms.
        AssertCleanSuccess(result);
        Assert.True(result.Output.Trim().Length == 0 && result.Error.Trim().Length == 0, $"validate_gpkg.py reported problems: {result}");
    }

    [Fact]
    public void Ogrinfo_spatial_filter_uses_the_index_and_returns_the_intersecting_features()
    {
        var target = parcels.Features[3].Geometry.EnvelopeInternal;
        var filter = new Envelope(target.MinX - 0.2, target.MaxX + 0.2, target.MinY - 0.2, target.MaxY + 0.2);
        var rectangle = SampleLayers.Factory.ToGeometry(filter);
        // GDAL's rectangular filter keeps a candidate when its geometry really intersects the rectangle.
        var expected = parcels.Features.Select((f, i) => (Fid: i + 1L, f.Geometry))
            .Where(f => f.Geometry.Intersects(rectangle)).Select(f => f.Fid).ToList();
        Assert.Contains(4L, expected);
        Assert.True(expected.Count < parcels.Features.Count, "the filter must exclude some features");

        string Coordinate(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var result = ExternalTool.Run(ExternalTool.Require("ogrinfo"), "-ro", "-q", "-geom=NO",
            "-spat", Coordinate(filter.MinX), Coordinate(filter.MinY), Coordinate(filter.MaxX), Coordinate(filter.MaxY),
            path, "parcels");

        AssertCleanSuccess(result);
        var fids = FeatureLine().Matches(result.Output).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(expected, fids.Order());
    }

    /// <summary>Files GDAL writes as GeoPackage 1.2 and 1.3 read like ours. GDAL 3.6 cannot write 1.4,
    /// so "1.4" takes its 1.3 output and stamps user_version 10400: the reader consults neither the
    /// header version nor the trigger set, which is all 1.4 changed for feature tables.</summary>
    [Theory]
    [InlineData("1.2", 10200)]
    [InlineData("1.3", 10300)]
    [InlineData("1.4", 10400)]
    public async Task Files_written_by_gdal_in_any_version_are_read(string version, long userVersion)
    {
        var copy = directory.File($"gdal-{version}.gpkg");
        var gdalVersion = version == "1.4" ? "1.3" : version;
        var conversion = ExternalTool.Run(ExternalTool.Require("ogr2ogr"), "-f", "GPKG", "-dsco", $"VERSION={gdalVersion}", copy, path);
        AssertCleanSuccess(conversion);
        using (var connection = Sql.Open(copy, writable: true))
        {
            if (version == "1.4")
                Sql.Execute(connection, "PRAGMA user_version=10400");
            Assert.Equal(userVersion, Sql.Scalar(connection, "PRAGMA user_version"));
        }

        using var source = new GeoPackageFeatureSource("gdal", copy);
        Assert.Equal(["blocks", "parcels", "roads"], source.Layers.Select(l => l.Table).Order(StringComparer.Ordinal));
        var fields = SampleLayers.ParcelFields.Select(f => f.Name).ToArray();
        var records = await source.ToListAsync(new FeatureQuery("parcels", null, fields));

        Assert.Equal(parcels.Features.Count, records.Count);
        Assert.Equal(parcels.Features.Select(f => f.Values), records.Select(r => r.Values));
    }

    private static void AssertCleanSuccess(ToolResult result)
    {
        Assert.True(result.ExitCode == 0, $"expected exit code 0, got {result}");
        foreach (var text in new[] { result.Output, result.Error })
        {
            Assert.False(text.Contains("Warning", StringComparison.OrdinalIgnoreCase), $"the tool printed a warning: {result}");
            Assert.False(text.Contains("ERROR", StringComparison.Ordinal), $"the tool printed an error: {result}");
        }
    }

    /// <summary>ogrinfo -al output split at each "Layer name:" line.</summary>
    private static Dictionary<string, string> LayerSections(string output)
    {
        var text = output.ReplaceLineEndings("\n");
        return LayerName().Matches(text).Select((m, i) =>
        {
            var next = LayerName().Match(text, m.Index + m.Length);
            var end = next.Success ? next.Index : text.Length;
            return (Name: m.Groups[1].Value, Body: text[m.Index..end]);
        }).ToDictionary(s => s.Name, s => s.Body);
    }

    /// <summary>The "name: Type (width.precision)" lines that follow the geometry column line.</summary>
    private static string[] FieldLines(string section) =>
        section[(section.IndexOf("Geometry Column = ", StringComparison.Ordinal))..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).ToArray();

    [GeneratedRegex(@"^Layer name: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex LayerName();

    [GeneratedRegex(@"^OGRFeature\(parcels\):(\d+)$", RegexOptions.Multiline)]
    private static partial Regex FeatureLine();
}
