namespace TileServer.Core.Features;

/// <summary>The declared geometry type of a layer (OGC Simple Features names).</summary>
public enum GeometryKind
{
    Geometry,
    Point,
    LineString,
    Polygon,
    MultiPoint,
    MultiLineString,
    MultiPolygon,
}
