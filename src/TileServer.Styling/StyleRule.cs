namespace TileServer.Styling;

/// <summary>One rule of a style: a filter on a source layer's features and the symbols of the features it
/// selects. Zoom range: <see cref="MinZoom"/> inclusive, <see cref="MaxZoom"/> exclusive — the semantics of
/// minzoom/maxzoom in the MapLibre style specification, so both renderers agree.</summary>
public sealed class StyleRule
{
    public required string Id { get; init; }

    public LocalizedText? Name { get; init; }

    public required string SourceLayer { get; init; }

    public StyleFilter Filter { get; init; } = StyleFilter.Always;

    public FillSymbolizer? Fill { get; init; }

    public StrokeSymbolizer? Stroke { get; init; }

    public HatchSymbolizer? Hatch { get; init; }

    public double? MinZoom { get; init; }

    public double? MaxZoom { get; init; }

    public bool AppliesAtZoom(double zoom) => (MinZoom is not { } min || zoom >= min) && (MaxZoom is not { } max || zoom < max);
}
