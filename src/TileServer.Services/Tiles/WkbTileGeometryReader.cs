namespace TileServer.Services.Tiles;

using System.Buffers.Binary;
using TileServer.Mvt;

/// <summary>Walks OGC/ISO WKB (and PostGIS EWKB) straight into an <see cref="MvtGeometry"/> in tile
/// space, without building geometry objects: the tile hot path never allocates per vertex.</summary>
public static class WkbTileGeometryReader
{
    private const uint EwkbZ = 0x80000000, EwkbM = 0x40000000, EwkbSrid = 0x20000000;

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
        bool little = ReadByte(wkb, ref offset) == 1;
        uint rawType = ReadUInt32(wkb, ref offset, little);
        int dimensions = 2;
        if ((rawType & EwkbZ) != 0) dimensions++;
        if ((rawType & EwkbM) != 0) dimensions++;
        if ((rawType & EwkbSrid) != 0) offset += 4;
        uint isoType = rawType & 0x0FFFFFFF;
        // ISO WKB: 1000s add Z, 2000s add M, 3000s add ZM (ISO 13249-3 / OGC 06-103r4 §8.2.3).
        uint thousands = isoType / 1000;
        if (thousands is 1 or 2) dimensions = 3;
        if (thousands == 3) dimensions = 4;
        uint baseType = isoType % 1000;

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
                uint count = ReadUInt32(wkb, ref offset, little);
                for (uint i = 0; i < count; i++)
                {
                    ReadGeometry(wkb, ref offset, transform, target, ref kind);
                }

                break;
            default:
                throw new FormatException($"unsupported WKB geometry type {rawType}");
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
        uint rings = ReadUInt32(wkb, ref offset, little);
        target.BeginPolygon();
        for (uint r = 0; r < rings; r++)
        {
            target.BeginPart();
            ReadPoints(wkb, ref offset, little, dimensions, transform, target);
        }
    }

    private static void ReadPoints(ReadOnlySpan<byte> wkb, ref int offset, bool little, int dimensions, in TileTransform transform, MvtGeometry target)
    {
        uint count = ReadUInt32(wkb, ref offset, little);
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
        double lon = ReadDouble(wkb, ref offset, little);
        double lat = ReadDouble(wkb, ref offset, little);
        offset += (dimensions - 2) * 8;
        if (double.IsNaN(lon) || double.IsNaN(lat))
        {
            return; // POINT EMPTY is written as NaN coordinates.
        }

        target.AddPoint(transform.X(lon), transform.Y(lat));
    }

    private static byte ReadByte(ReadOnlySpan<byte> wkb, ref int offset)
    {
        if (offset >= wkb.Length) throw new FormatException("truncated WKB");
        return wkb[offset++];
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> wkb, ref int offset, bool little)
    {
        if (offset + 4 > wkb.Length) throw new FormatException("truncated WKB");
        var span = wkb.Slice(offset, 4);
        offset += 4;
        return little ? BinaryPrimitives.ReadUInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32BigEndian(span);
    }

    private static double ReadDouble(ReadOnlySpan<byte> wkb, ref int offset, bool little)
    {
        if (offset + 8 > wkb.Length) throw new FormatException("truncated WKB");
        var span = wkb.Slice(offset, 8);
        offset += 8;
        return little ? BinaryPrimitives.ReadDoubleLittleEndian(span) : BinaryPrimitives.ReadDoubleBigEndian(span);
    }
}
