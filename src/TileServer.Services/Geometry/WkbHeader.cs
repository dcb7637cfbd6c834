namespace TileServer.Services.Geometry;

using System.Buffers.Binary;

/// <summary>The shared low-level reading of OGC/ISO WKB and PostGIS EWKB for the tile walkers (vector,
/// raster, warping): bounds-checked reads in either byte order and the geometry header, whose type code
/// carries the dimensions either as EWKB flag bits or as ISO thousands (ISO 13249-3 / OGC 06-103r4 §8.2.3).
/// Malformed input raises <see cref="FormatException"/>, which the walkers turn into "skip this feature".</summary>
internal static class WkbHeader
{
    private const uint EwkbZ = 0x80000000, EwkbM = 0x40000000, EwkbSrid = 0x20000000;

    /// <summary>Reads byte order and type at <paramref name="offset"/> (skipping an EWKB SRID) and returns the
    /// base type (1 point … 7 collection) with the number of ordinates per vertex.</summary>
    public static uint Read(ReadOnlySpan<byte> wkb, ref int offset, out bool little, out int dimensions)
    {
        little = ReadByte(wkb, ref offset) == 1;
        uint rawType = ReadUInt32(wkb, ref offset, little);
        dimensions = 2;
        if ((rawType & EwkbZ) != 0) dimensions++;
        if ((rawType & EwkbM) != 0) dimensions++;
        if ((rawType & EwkbSrid) != 0) offset += 4;
        uint isoType = rawType & 0x0FFFFFFF;
        uint thousands = isoType / 1000;
        if (thousands is 1 or 2) dimensions = 3;
        if (thousands == 3) dimensions = 4;
        return isoType % 1000;
    }

    public static byte ReadByte(ReadOnlySpan<byte> wkb, ref int offset)
    {
        Need(wkb, offset, 1);
        return wkb[offset++];
    }

    public static uint ReadUInt32(ReadOnlySpan<byte> wkb, ref int offset, bool little)
    {
        Need(wkb, offset, 4);
        var span = wkb.Slice(offset, 4);
        offset += 4;
        return little ? BinaryPrimitives.ReadUInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32BigEndian(span);
    }

    public static double ReadDouble(ReadOnlySpan<byte> wkb, ref int offset, bool little)
    {
        Need(wkb, offset, 8);
        var span = wkb.Slice(offset, 8);
        offset += 8;
        return little ? BinaryPrimitives.ReadDoubleLittleEndian(span) : BinaryPrimitives.ReadDoubleBigEndian(span);
    }

    public static void Need(ReadOnlySpan<byte> wkb, int offset, int bytes)
    {
        if (offset < 0 || offset + bytes > wkb.Length)
        {
            throw new FormatException("truncated WKB");
        }
    }
}
