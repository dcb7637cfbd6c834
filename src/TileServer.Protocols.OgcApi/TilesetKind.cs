namespace TileServer.Protocols.OgcApi;

/// <summary>The two tileset families of OGC API – Tiles 1.0: vector tilesets (MVT) at <c>…/tiles</c>
/// (§7.x, dataType "vector") and map tilesets (PNG) at <c>…/map/tiles</c> (dataType "map").</summary>
public enum TilesetKind
{
    Vector,
    Map,
}
