namespace TileServer.Styling;

/// <summary>One legend line: the rule, what it selects, its colours (#RRGGBBAA) and where its swatch sits
/// in the legend PNG, so a client can print the names next to the swatches itself.</summary>
public sealed record LegendEntry(
    string RuleId,
    LocalizedText? Name,
    string SourceLayer,
    IReadOnlyList<string> Codes,
    string? FillColor,
    double? FillOpacity,
    string? StrokeColor,
    string? HatchColor,
    int SwatchX,
    int SwatchY,
    int SwatchWidth,
    int SwatchHeight);
