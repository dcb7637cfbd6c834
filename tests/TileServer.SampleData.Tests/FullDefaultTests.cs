namespace TileServer.SampleData.Tests;

using System.Text.Json;
using System.Text.RegularExpressions;
using TileServer.SampleData.Reference;

[Collection(FullDefaultCollection.Name)]
public sealed partial class FullDefaultTests(FullDefaultFixture fixture)
{
    private SampleDataset Data => fixture.Dataset;

    [Fact]
    public void DefaultHasAboutTwoHundredThousandParcelsWithinTwoMinutes()
    {
        var ghyd = Data.Layer("ghyd");
        Assert.InRange(ghyd.Features.Count, 150_000, 300_000);
        Assert.InRange(SmallSamples.OfUnit(ghyd, "130881").Count(), 45_000, 56_000);
        Assert.Equal(ghyd.Features.Count, Data.Report.TotalParcels);
        Assert.True(fixture.CpuTime < TimeSpan.FromMinutes(4), $"CPU {fixture.CpuTime}, wall {fixture.Elapsed}");
        Assert.Equal(16, Data.Layer("xzq").Features.Count);
    }

    [Fact]
    public void BsmIsUniqueNumericTextOfAtMost18Digits()
    {
        foreach (var layer in Data.Layers.Where(l => l.Schema.Name != "xzq"))
        {
            var codes = layer.Features.Select(f => (string)f.Values[0]!).ToList();
            Assert.All(codes, c => Assert.Matches("^[0-9]{1,18}$", c));
            Assert.Equal(codes.Count, codes.Distinct().Count());
        }
    }

    [Fact]
    public void EveryParcelHasALevel2CodeAndItsName()
    {
        var ghyd = Data.Layer("ghyd");
        var classes = JsonDocument.Parse(File.ReadAllText(GeometryHelpers.RepoFile("data/reference/landuse_classes.json")))
            .RootElement.GetProperty("classes").EnumerateArray()
            .Where(c => c.GetProperty("level").GetInt32() == 2)
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("name_zh").GetString()!);
        foreach (var f in ghyd.Features)
        {
            var code = (string)GeometryHelpers.Field(ghyd, f, "ydyhfldm")!;
            Assert.True(classes.TryGetValue(code, out var name), code);
            Assert.Equal(name, GeometryHelpers.Field(ghyd, f, "ydyhflmc"));
        }

        var used = ghyd.Features.Select(f => (string)f.Values[2]!).Distinct().ToList();
        Assert.True(used.Count > 30, $"only {used.Count} classes used");
    }

    [Fact]
    public void FieldNamesAreLowercaseAndControlLinesCarryEveryListedField()
    {
        Assert.Equal(["xzq", "ghyd", "yjjbnt", "stbhhx", "czkfbj", "czjsyd2020"], Data.Layers.Select(l => l.Schema.Name));
        Assert.All(Data.Layers.SelectMany(l => l.Schema.Fields), f => Assert.Equal(f.Name.ToLowerInvariant(), f.Name));
        using var doc = JsonDocument.Parse(File.ReadAllText(GeometryHelpers.RepoFile("data/reference/control_lines.json")));
        foreach (var line in doc.RootElement.GetProperty("lines").EnumerateArray())
        {
            var layer = Data.Layer(line.GetProperty("key").GetString()!);
            var expected = line.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString()!.ToLowerInvariant()).ToList();
            Assert.Equal(expected, layer.Schema.Fields.Select(f => f.Name));
            var dates = line.GetProperty("fields").EnumerateArray().Where(f => f.GetProperty("type").GetString() == "Date")
                .Select(f => f.GetProperty("field").GetString()!.ToLowerInvariant());
            foreach (var date in dates)
            {
                Assert.All(layer.Features.Take(500), f => Assert.Matches(IsoDate(), (string)GeometryHelpers.Field(layer, f, date)!));
            }

            Assert.All(layer.Features, f => Assert.NotNull(GeometryHelpers.Field(layer, f, "xzqmc")));
        }

        Assert.All(Data.Layer("czkfbj").Features, f => Assert.Contains(
            (string)GeometryHelpers.Field(Data.Layer("czkfbj"), f, "ghfqmc")!, new[] { "城镇集中建设区", "城镇弹性发展区", "特别用途区" }));
    }

    [Fact]
    public void ParcelShapesLookLikeRealParcels()
    {
        var ghyd = Data.Layer("ghyd");
        var vertices = ghyd.Features.Select(f => f.Geometry.NumPoints).OrderBy(n => n).ToList();
        Assert.True(vertices[vertices.Count / 2] >= 24, $"median {vertices[vertices.Count / 2]} vertices");
        var areasHa = ghyd.Features.Select(f => (double)f.Values[4]! / 1e4).ToList();
        Assert.True(areasHa.Count(a => a < 1) > 1000);
        Assert.True(areasHa.Max() > 100);
        Assert.True(areasHa.Count(a => a > 100) > 100);
    }

    [Fact]
    public void AllGeometriesAreValidMultiPolygons()
    {
        foreach (var layer in Data.Layers)
        {
            Assert.All(layer.Features, f =>
            {
                Assert.Equal("MultiPolygon", f.Geometry.GeometryType);
                Assert.True(f.Geometry.IsValid);
            });
        }
    }

    [Fact]
    public void ReportListsEveryTargetAsMet()
    {
        var withTargets = Data.Report.Indicators.Where(i => i.Target is not null).ToList();
        // 平泉 4, five 白山 units 4 each, 二连浩特 4, 通辽市 as a whole 5.
        Assert.Equal(33, withTargets.Count);
        Assert.All(withTargets, i => Assert.Equal("OK", i.Status));
        var text = Data.Report.ToText();
        Assert.Contains("150500 通辽市", text);
        Assert.Contains("0.1191", text);
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex IsoDate();
}
