namespace TileServer.Core.Caching;

using TileServer.Core.Tiling;

/// <summary>Identifies one produced tile: the layer set as requested (comma-joined, order kept: it is the layer order in the tile), tile matrix set, tile,
/// and format.</summary>
public readonly record struct TileCacheKey(string Layers, string TileMatrixSet, TileCoordinate Tile, string Format)
{
    public override string ToString() => $"{Layers}/{TileMatrixSet}/{Tile.Zoom}/{Tile.Column}/{Tile.Row}.{Format}";
}
