namespace TileServer.Services.Raster;

using System.Buffers.Binary;
using TileServer.Services.Geometry;

/// <summary>Copies OGC/ISO WKB (and PostGIS EWKB) with every X/Y replaced through a
/// <see cref="GeographicTileWarp"/>; the layout (byte order, type codes, Z/M values) is kept, so the
/// result reads exactly like the input in <see cref="WkbPathReader"/>.</summary>
public static class WkbCoordinateWarper
{

    /// <summary>The warped copy, or the input unchanged when it is malformed (the reader then skips it).</summary>
    public static byte[] Warp(ReadOnlySpan<byte> wkb, in GeographicTileWarp warp)
    {
        byte[] copy = wkb.ToArray();
        int offset = 0;
        try
        {
            WarpGeometry(copy, ref offset, warp);
            return copy;
        }
        catch (FormatException)
        {
            return wkb.ToArray();
        }
    }

    private static void WarpGeometry(Span<byte> wkb, ref int offset, in GeographicTileWarp warp)
    {
        uint baseType = WkbHeader.Read(wkb, ref offset, out bool little, out int dimensions);
        switch (baseType)
        {
            case 1:
                WarpPoints(wkb, ref offset, little, dimensions, 1, warp);
                break;
            case 2:
                WarpPoints(wkb, ref offset, little, dimensions, WkbHeader.ReadUInt32(wkb, ref offset, little), warp);
                break;
            case 3:
                uint rings = WkbHeader.ReadUInt32(wkb, ref offset, little);
                for (uint r = 0; r < rings; r++)
                {
                    WarpPoints(wkb, ref offset, little, dimensions, WkbHeader.ReadUInt32(wkb, ref offset, little), warp);
                }

                break;
            case 4 or 5 or 6 or 7:
                uint count = WkbHeader.ReadUInt32(wkb, ref offset, little);
                for (uint i = 0; i < count; i++)
                {
                    WarpGeometry(wkb, ref offset, warp);
                }

                break;
            default:
                throw new FormatException($"unsupported WKB geometry type {baseType}");
        }
    }

    private static void WarpPoints(Span<byte> wkb, ref int offset, bool little, int dimensions, uint count, in GeographicTileWarp warp)
    {
        if ((long)count * dimensions * 8 > wkb.Length - offset)
        {
            throw new FormatException("truncated WKB");
        }

        for (uint i = 0; i < count; i++)
        {
            Span<byte> x = wkb.Slice(offset, 8);
            Span<byte> y = wkb.Slice(offset + 8, 8);
            double lon = little ? BinaryPrimitives.ReadDoubleLittleEndian(x) : BinaryPrimitives.ReadDoubleBigEndian(x);
            double lat = little ? BinaryPrimitives.ReadDoubleLittleEndian(y) : BinaryPrimitives.ReadDoubleBigEndian(y);
            // NaN (empty point) stays NaN through the arithmetic, which the reader skips as before.
            Write(x, warp.Longitude(lon), little);
            Write(y, warp.Latitude(lat), little);
            offset += dimensions * 8;
        }
    }

    private static void Write(Span<byte> target, double value, bool little)
    {
        if (little)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(target, value);
        }
        else
        {
            BinaryPrimitives.WriteDoubleBigEndian(target, value);
        }
    }


}
