namespace TileServer.Mvt;

/// <summary>A decoded vector tile (MVT 2.1 §4.1, message Tile).</summary>
public sealed record MvtTile(IReadOnlyList<MvtLayer> Layers);
