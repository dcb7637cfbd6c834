namespace TileServer.Core.Caching;

using TileServer.Core.Tiling;

/// <summary>Identifies one produced tile: the layer set as requested (comma-joined, order kept: it is the layer order in the tile), tile matrix set, tile,
/// format, and the version of the style the tile was rendered with (empty for tiles that have no style, such as vector tiles).</summary>
/// <remarks>The per-layer data generation is deliberately not part of this key: the cache resolves it when it
/// looks the tile up (<see cref="ILayerGenerations"/>), so callers cannot build a key for a stale generation.</remarks>
public readonly record struct TileCacheKey(string Layers, string TileMatrixSet, TileCoordinate Tile, string Format, string StyleVersion = "")
{
    /// <summary>The layer ids of a single or composite tile, in tile order.</summary>
    public string[] LayerIds => Layers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() =>
        $"{Layers}/{TileMatrixSet}/{Tile.Zoom}/{Tile.Column}/{Tile.Row}.{Format}{(StyleVersion.Length == 0 ? "" : "@" + StyleVersion)}";
}
