namespace TileServer.Protocols.Indicators.Tests;

public sealed class IndicatorHtmlTests
{
    [Fact]
    public void Page_shows_targets_status_and_conflicts()
    {
        string html = IndicatorHtml.Write(ReportSamples.Report, ReportSamples.Report.Units, "平泉市 规划指标");
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>平泉市 规划指标</title>", html, StringComparison.Ordinal);
        Assert.Contains("≥ 79.78 万亩", html, StringComparison.Ordinal);
        Assert.Contains("≤ 1.15 ×", html, StringComparison.Ordinal);
        Assert.Contains("class=\"notmet\">not met<", html, StringComparison.Ordinal);
        Assert.Contains("yjjbnt × stbhhx", html, StringComparison.Ordinal);
        Assert.Contains("118.61, 40.98", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_data_is_html_encoded()
    {
        var unit = ReportSamples.Unit with { Xzqmc = "<script>x</script>" };
        string html = IndicatorHtml.Write(ReportSamples.Report, [unit], "t");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
