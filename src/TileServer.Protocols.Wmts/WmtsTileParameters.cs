namespace TileServer.Protocols.Wmts;

/// <summary>The raw GetTile parameters of 07-057r7 §7.2.2.1 Table 16 as received, from KVP or from the
/// RESTful URL; null when absent.</summary>
public sealed record WmtsTileParameters(
    string? Layer, string? Style, string? Format, string? TileMatrixSet, string? TileMatrix, string? TileRow, string? TileCol);
