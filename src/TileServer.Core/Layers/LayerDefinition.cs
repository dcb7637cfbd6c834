namespace TileServer.Core.Layers;

/// <summary>A published layer: which source table it reads, its titles, zoom range and the attributes
/// it exposes. <see cref="IdField"/> names the attribute that gives stable feature ids (e.g. bsm).</summary>
public sealed record LayerDefinition
{
    public required string Id { get; init; }
    /// <summary>The source's id; empty means the configured default source.</summary>
    public string Source { get; init; } = "";
    public required string Table { get; init; }
    public string TitleZh { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public string? IdField { get; init; }
    public int MinZoom { get; init; }
    public int MaxZoom { get; init; } = 16;
    public IReadOnlyList<string> Attributes { get; init; } = [];
    /// <summary>Cache-Control max-age of this layer's tiles; null uses the protocol's default (Xyz/Wmts MaxAgeSeconds).</summary>
    public int? MaxAgeSeconds { get; init; }
}
