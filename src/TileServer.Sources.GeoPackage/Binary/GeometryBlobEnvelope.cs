namespace TileServer.Sources.GeoPackage.Binary;

using NetTopologySuite.IO;
using TileServer.Core.Geometry;

/// <summary>The envelope of a GeoPackageBinary blob: taken from the header when it has one, otherwise
/// computed from the WKB (GeoPackage 1.3 lets writers omit the envelope, e.g. GDAL does for points).</summary>
public static class GeometryBlobEnvelope
{
    /// <summary>Null for an empty geometry.</summary>
    public static BoundingBox? Of(ReadOnlySpan<byte> blob)
    {
        var header = GeoPackageBinary.ReadHeader(blob);
        if (header.IsEmpty)
            return null;
        if (header.Envelope is { } envelope)
            return envelope;

        var geometry = new WKBReader().Read(blob[header.Length..].ToArray());
        if (geometry.IsEmpty)
            return null;
        var e = geometry.EnvelopeInternal;
        return new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY);
    }
}
