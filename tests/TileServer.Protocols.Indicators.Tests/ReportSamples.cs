namespace TileServer.Protocols.Indicators.Tests;

using TileServer.Services.Planning;

/// <summary>A small hand-made report: one unit with a met minimum, a missed maximum and a conflict.</summary>
internal static class ReportSamples
{
    public static UnitIndicators Unit { get; } = new(
        "130881", "平泉市", "平泉市国土空间总体规划(2021—2035年)", "承市政字〔2024〕12号", ["130881"], [], ["EPSG:4549"],
        [
            new IndicatorValue("farmland", "耕地保有量", "Farmland", "万亩", 80.5, 536.6667, 80.5, 79.78, "min", "met", 0.72, 0.9025),
            new IndicatorValue("urban_boundary_expansion_multiple", "城镇开发边界扩展倍数", "Urban boundary expansion multiple", "×", 1.2, null, null, 1.15, "max", "not met", -0.05, -4.348),
        ],
        [new ConflictItem("1308819000000001", "130881", "yjjbnt", "stbhhx", 21873.25, 118.61, 40.98)]);

    public static IndicatorReport Report { get; } = new(
        IndicatorReport.GaussKruger, new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero), [Unit], Unit.Conflicts);
}
