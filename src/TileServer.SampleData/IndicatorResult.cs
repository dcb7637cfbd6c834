namespace TileServer.SampleData;

/// <summary>One computed indicator of a unit next to its approved target. <see cref="Bound"/> is "min"
/// or "max" (null without a target); <see cref="MarginPercent"/> is (value − target) / target × 100.</summary>
public sealed record IndicatorResult(
    string UnitCode, string UnitName, string Indicator, string Unit, double Value, double? Target, string? Bound, string Status, double? MarginPercent);
