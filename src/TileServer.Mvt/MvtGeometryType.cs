namespace TileServer.Mvt;

/// <summary>Feature geometry type (MVT 2.1 §4.3.4, proto enum GeomType).</summary>
public enum MvtGeometryType
{
    Unknown = 0,
    Point = 1,
    LineString = 2,
    Polygon = 3,
}
