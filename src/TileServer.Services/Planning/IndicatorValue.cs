namespace TileServer.Services.Planning;

/// <summary>One indicator of a unit beside its target. <see cref="Value"/> is in <see cref="Unit"/> (the unit of
/// the target); area indicators also carry km² and 万亩. <see cref="Margin"/> is value − target for a minimum and
/// target − value for a maximum (positive = inside the target), <see cref="Status"/> "met", "not met",
/// "no target" or "incomplete" (members of an aggregate missing from the data).</summary>
public sealed record IndicatorValue(
    string Id,
    string NameZh,
    string NameEn,
    string Unit,
    double Value,
    double? ValueKm2,
    double? ValueWanmu,
    double? Target,
    string? Bound,
    string Status,
    double? Margin,
    double? MarginPercent);
