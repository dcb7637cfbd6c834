namespace TileServer.Protocols.Wmts;

/// <summary>The raw GetFeatureInfo parameters of 07-057r7 §7.3.1 as received from KVP or from the
/// RESTful FeatureInfo URL: those of GetTile plus the pixel (J row, I column) and InfoFormat; null when absent.</summary>
public sealed record WmtsFeatureInfoParameters(WmtsTileParameters Tile, string? J, string? I, string? InfoFormat);
