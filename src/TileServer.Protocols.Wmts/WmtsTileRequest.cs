namespace TileServer.Protocols.Wmts;

using TileServer.Core.Tiling;

/// <summary>A validated GetTile request: a layer that has the style, a served set and a tile inside both the
/// tile matrix and the layer's TileMatrixSetLimits.</summary>
public sealed record WmtsTileRequest(WmtsLayer Layer, TileMatrixSet TileMatrixSet, TileCoordinate Tile);
