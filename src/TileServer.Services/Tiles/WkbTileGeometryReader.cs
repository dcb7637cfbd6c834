namespace TileServer.Services.Tiles;

using TileServer.Services.Geometry;
using TileServer.Mvt;

/// <summary>Walks OGC/ISO WKB (and PostGIS EWKB) straight into an <see cref="MvtGeometry"/> in tile
/// space, without building geometry objects: the tile hot path never allocates per vertex.</summary>
public static class WkbTileGeometryReader
{

    /// <summary>Reads one WKB geometry into <paramref name="target"/>; returns false for types a vector
    /// tile cannot hold (empty collections, unsupported types) or malformed input.</summary>
    public static bool TryRead(ReadOnlySpan<byte> wkb, in TileTransform transform, MvtGeometry target)
    {
        int offset = 0;
        MvtGeometryType kind = MvtGeometryType.Unknown;
        try
        {
            ReadGeometry(wkb, ref offset, transform, target, ref kind);
        }
        catch (FormatException)
        {
            return false;
        }

        return kind != MvtGeometryType.Unknown && target.PointCount > 0;
    }

    private static void ReadGeometry(ReadOnlySpan<byte> wkb, ref int offset, in TileTransform transform, MvtGeometry target, ref MvtGeometryType kind)
    {
        uint baseType = WkbHeader.Read(wkb, ref offset, out bool little, out int dimensions);

        switch (baseType)
        {
            case 1:
                Begin(ref kind, MvtGeometryType.Point, target);
                ReadPoint(wkb, ref offset, little, dimensions, transform, target);
                break;
            case 2:
                Begin(ref kind, MvtGeometryType.LineString, target);
                target.BeginPart();
                ReadPoints(wkb, ref offset, little, dimensions, transform, target);
                break;
            case 3:
                Begin(ref kind, MvtGeometryType.Polygon, target);
                ReadPolygonBody(wkb, ref offset, little, dimensions, transform, target);
                break;
            case 4 or 5 or 6 or 7:
                uint count = WkbHeader.ReadUInt32(wkb, ref offset, little);
                for (uint i = 0; i < count; i++)
                {
                    ReadGeometry(wkb, ref offset, transform, target, ref kind);
                }

                break;
            default:
                throw new FormatException($"unsupported WKB geometry type {baseType}");
        }
    }

    private static void Begin(ref MvtGeometryType kind, MvtGeometryType wanted, MvtGeometry target)
    {
        if (kind == MvtGeometryType.Unknown)
        {
            kind = wanted;
            target.Reset(wanted);
        }
        else if (kind != wanted)
        {
            // A vector tile feature has one geometry type (MVT 2.1 §4.3.4); mixed collections are cut to their first type.
            throw new FormatException("mixed geometry collection");
        }
    }

    private static void ReadPolygonBody(ReadOnlySpan<byte> wkb, ref int offset, bool little, int dimensions, in TileTransform transform, MvtGeometry target)
    {
        uint rings = WkbHeader.ReadUInt32(wkb, ref offset, little);
        target.BeginPolygon();
        for (uint r = 0; r < rings; r++)
        {
            target.BeginPart();
            ReadPoints(wkb, ref offset, little, dimensions, transform, target);
        }
    }

    private static void ReadPoints(ReadOnlySpan<byte> wkb, ref int offset, bool little, int dimensions, in TileTransform transform, MvtGeometry target)
    {
        uint count = WkbHeader.ReadUInt32(wkb, ref offset, little);
        if ((long)count * dimensions * 8 > wkb.Length - offset)
        {
            throw new FormatException("truncated WKB");
        }

        for (uint i = 0; i < count; i++)
        {
            ReadPoint(wkb, ref offset, little, dimensions, transform, target);
        }
    }

    private static void ReadPoint(ReadOnlySpan<byte> wkb, ref int offset, bool little, int dimensions, in TileTransform transform, MvtGeometry target)
    {
        double lon = WkbHeader.ReadDouble(wkb, ref offset, little);
        double lat = WkbHeader.ReadDouble(wkb, ref offset, little);
        offset += (dimensions - 2) * 8;
        if (double.IsNaN(lon) || double.IsNaN(lat))
        {
            return; // POINT EMPTY is written as NaN coordinates.
        }

        target.AddPoint(transform.X(lon), transform.Y(lat));
    }



}
