namespace TileServer.Sources.PostGis.Catalog;

/// <summary>The SRIDs the source speaks towards the tile and feature services.</summary>
internal static class SpatialReferences
{
    /// <summary>CGCS2000 geographic (EPSG:4490), the CRS of the published planning data.</summary>
    public const int Cgcs2000 = 4490;

    public const int Wgs84 = 4326;

    public const int WebMercator = 3857;
}
