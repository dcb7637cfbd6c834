namespace TileServer.Styling;

/// <summary>The vector source a generated MapLibre style points at: a TileJSON URL (e.g.
/// /tiles/ghyd,yjjbnt.json) or tile URL templates ({z}/{x}/{y}), exactly one of the two.</summary>
public sealed record MapLibreSourceOptions
{
    public string SourceId { get; init; } = "tileserver";

    public string? TileJsonUrl { get; init; }

    public IReadOnlyList<string>? TileUrlTemplates { get; init; }

    /// <summary>Zoom range of the tiles (with templates only; a TileJSON document states its own).</summary>
    public int MinZoom { get; init; }

    public int MaxZoom { get; init; } = 16;

    public string? Attribution { get; init; }
}
