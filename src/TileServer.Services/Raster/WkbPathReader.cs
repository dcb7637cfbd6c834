namespace TileServer.Services.Raster;

using System.Buffers.Binary;
using TileServer.Rendering;
using TileServer.Services.Tiles;

/// <summary>Walks OGC/ISO WKB (and PostGIS EWKB) straight into a <see cref="VectorPath"/> in tile pixels,
/// the raster counterpart of <see cref="WkbTileGeometryReader"/>: no geometry objects, no allocation per
/// vertex. Polygon rings become closed subpaths (filled even-odd, so ring orientation does not matter);
/// lines become open subpaths; points are skipped (the styles have no point symbols).</summary>
public static class WkbPathReader
{
    private const uint EwkbZ = 0x80000000, EwkbM = 0x40000000, EwkbSrid = 0x20000000;

    /// <summary>Resets <paramref name="path"/> and reads one WKB geometry into it. Returns false for
    /// malformed input or geometries without drawable parts. <paramref name="polygonal"/> is true when any
    /// part is a polygon (fill it), false for lines only (stroke them).</summary>
    public static bool TryRead(ReadOnlySpan<byte> wkb, in TileTransform transform, VectorPath path, out bool polygonal)
    {
        path.Reset();
        polygonal = false;
        int offset = 0;
        try
        {
            ReadGeometry(wkb, ref offset, transform, path, ref polygonal);
        }
        catch (FormatException)
        {
            return false;
        }

        return path.PointCount > 0;
    }

    private static void ReadGeometry(ReadOnlySpan<byte> wkb, ref int offset, in TileTransform transform, VectorPath path, ref bool polygonal)
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

        switch (isoType % 1000)
        {
            case 1:
                offset += dimensions * 8; // A point has no area or length to draw.
                if (offset > wkb.Length) throw new FormatException("truncated WKB");
                break;
            case 2:
                ReadRing(wkb, ref offset, little, dimensions, transform, path, close: false);
                break;
            case 3:
                polygonal = true;
                uint rings = ReadUInt32(wkb, ref offset, little);
                for (uint r = 0; r < rings; r++)
                {
                    ReadRing(wkb, ref offset, little, dimensions, transform, path, close: true);
                }

                break;
            case 4 or 5 or 6 or 7:
                uint count = ReadUInt32(wkb, ref offset, little);
                for (uint i = 0; i < count; i++)
                {
                    ReadGeometry(wkb, ref offset, transform, path, ref polygonal);
                }

                break;
            default:
                throw new FormatException($"unsupported WKB geometry type {rawType}");
        }
    }

    private static void ReadRing(ReadOnlySpan<byte> wkb, ref int offset, bool little, int dimensions, in TileTransform transform, VectorPath path, bool close)
    {
        uint count = ReadUInt32(wkb, ref offset, little);
        if ((long)count * dimensions * 8 > wkb.Length - offset)
        {
            throw new FormatException("truncated WKB");
        }

        bool started = false;
        for (uint i = 0; i < count; i++)
        {
            double lon = ReadDouble(wkb, ref offset, little);
            double lat = ReadDouble(wkb, ref offset, little);
            offset += (dimensions - 2) * 8;
            if (double.IsNaN(lon) || double.IsNaN(lat))
            {
                continue;
            }

            if (started)
            {
                path.LineTo(transform.X(lon), transform.Y(lat));
            }
            else
            {
                path.MoveTo(transform.X(lon), transform.Y(lat));
                started = true;
            }
        }

        if (started && close)
        {
            path.Close();
        }
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
