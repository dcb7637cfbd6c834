namespace TileServer.Core.Tiling;

/// <summary>The order in which a CRS's definition lists its two horizontal axes. WMTS 1.0.0 (OGC 07-057r7
/// §6.1) and 2D-TMS (OGC 17-083r4 §6.2.1) write coordinates such as TopLeftCorner / pointOfOrigin in this
/// order, so EPSG:4326 and EPSG:4490 corners are written latitude first while CRS84 and EPSG:3857 are
/// written east first.</summary>
public enum CrsAxisOrder
{
    /// <summary>Easting/longitude first (EPSG:3857, OGC CRS84).</summary>
    EastNorth,

    /// <summary>Northing/latitude first (EPSG:4326, EPSG:4490).</summary>
    NorthEast,
}
