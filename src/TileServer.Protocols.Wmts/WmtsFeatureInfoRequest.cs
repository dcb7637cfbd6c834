namespace TileServer.Protocols.Wmts;

/// <summary>A validated GetFeatureInfo request: a valid tile, a pixel inside it (I column, J row, from the
/// tile's top-left corner) and an offered InfoFormat.</summary>
public sealed record WmtsFeatureInfoRequest(WmtsTileRequest Tile, int I, int J, WmtsInfoFormat Format);
