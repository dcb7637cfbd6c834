namespace TileServer.Sources.GeoPackage.Binary;

using TileServer.Core.Geometry;

/// <summary>The decoded header of a GeoPackageBinary geometry blob (GeoPackage 1.3 §2.1.3.1.1).
/// <see cref="Length"/> is the offset of the ISO WKB that follows the header.</summary>
public readonly record struct GeoPackageGeometryHeader(
    byte Version,
    bool IsLittleEndian,
    int EnvelopeIndicator,
    bool IsEmpty,
    int Srid,
    BoundingBox? Envelope,
    int Length);
