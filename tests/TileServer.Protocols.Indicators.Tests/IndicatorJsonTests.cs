namespace TileServer.Protocols.Indicators.Tests;

using System.Text.Json;

public sealed class IndicatorJsonTests
{
    [Fact]
    public void Unit_document_has_the_documented_shape()
    {
        using var json = JsonDocument.Parse(IndicatorJson.Unit(ReportSamples.Report, ReportSamples.Unit));
        var root = json.RootElement;
        Assert.Equal(
            ["xzqdm", "xzqmc", "plan", "approval", "members", "missingMembers", "crs", "areaMethod", "computedAt", "indicators", "conflicts"],
            root.EnumerateObject().Select(p => p.Name));
        var farmland = root.GetProperty("indicators")[0];
        Assert.Equal(
            ["id", "nameZh", "nameEn", "unit", "value", "valueKm2", "valueWanmu", "target", "bound", "status", "margin", "marginPercent"],
            farmland.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("indicators")[1].GetProperty("valueKm2").ValueKind);
        Assert.Equal(["bsm", "xzqdm", "lineA", "lineB", "areaM2", "lon", "lat"], root.GetProperty("conflicts")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-12-07T05:00:00+00:00", root.GetProperty("computedAt").GetString());
    }

    [Fact]
    public void Chinese_is_written_as_utf8_not_escaped()
    {
        Assert.Contains("\"xzqmc\":\"平泉市\"", IndicatorJson.Unit(ReportSamples.Report, ReportSamples.Unit), StringComparison.Ordinal);
    }

    [Fact]
    public void All_document_lists_units_and_conflicts()
    {
        using var json = JsonDocument.Parse(IndicatorJson.All(ReportSamples.Report));
        Assert.Equal(["areaMethod", "computedAt", "units", "conflicts"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, json.RootElement.GetProperty("units").GetArrayLength());
    }
}
