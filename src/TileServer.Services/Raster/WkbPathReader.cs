namespace TileServer.Services.Raster;

using System.Buffers.Binary;
using TileServer.Services.Geometry;
using TileServer.Rendering;
using TileServer.Services.Tiles;

/// <summary>Walks OGC/ISO WKB (and PostGIS EWKB) straight into a <see cref="VectorPath"/> in tile pixels,
/// the raster counterpart of <see cref="WkbTileGeometryReader"/>: no geometry objects, no allocation per
/// vertex. Polygon rings become closed subpaths (filled even-odd, so ring orientation does not matter);
/// lines become open subpaths; points are skipped (the styles have no point symbols).</summary>
public static class WkbPathReader
{
    /// <summary>Vertex grid, in steps per pixel (see <see cref="ReadRing"/>).</summary>
    private const double SnapGrid = 16;

    /// <summary>1 / <see cref="SnapGrid"/>, a power of two: multiplying by it is exact, like the division.</summary>
    private const double SnapStep = 1 / SnapGrid;


    /// <summary>Resets <paramref name="path"/> and reads one WKB geometry into it. Returns false for
    /// malformed input or geometries without drawable parts. <paramref name="polygonal"/> is true when any
    /// part is a polygon (fill it), false for lines only (stroke them).</summary>
    public static bool TryRead(ReadOnlySpan<byte> wkb, in MercatorPixelProjection transform, VectorPath path, out bool polygonal)
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

    private static void ReadGeometry(ReadOnlySpan<byte> wkb, ref int offset, in MercatorPixelProjection transform, VectorPath path, ref bool polygonal)
    {
        uint baseType = WkbHeader.Read(wkb, ref offset, out bool little, out int dimensions);

        switch (baseType)
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
                uint rings = WkbHeader.ReadUInt32(wkb, ref offset, little);
                for (uint r = 0; r < rings; r++)
                {
                    ReadRing(wkb, ref offset, little, dimensions, transform, path, close: true);
                }

                break;
            case 4 or 5 or 6 or 7:
                uint count = WkbHeader.ReadUInt32(wkb, ref offset, little);
                for (uint i = 0; i < count; i++)
                {
                    ReadGeometry(wkb, ref offset, transform, path, ref polygonal);
                }

                break;
            default:
                throw new FormatException($"unsupported WKB geometry type {baseType}");
        }
    }

    private static void ReadRing(ReadOnlySpan<byte> wkb, ref int offset, bool little, int dimensions, in MercatorPixelProjection transform, VectorPath path, bool close)
    {
        uint count = WkbHeader.ReadUInt32(wkb, ref offset, little);
        if ((long)count * dimensions * 8 > wkb.Length - offset)
        {
            throw new FormatException("truncated WKB");
        }

        bool started = false;
        int stride = dimensions * 8;

        // The length was checked above: the vertices are read straight from one slice.
        var vertices = wkb.Slice(offset, (int)count * stride);
        offset += vertices.Length;
        for (int at = 0; at < vertices.Length; at += stride)
        {
            double lon = little ? BinaryPrimitives.ReadDoubleLittleEndian(vertices.Slice(at, 8)) : BinaryPrimitives.ReadDoubleBigEndian(vertices.Slice(at, 8));
            double lat = little ? BinaryPrimitives.ReadDoubleLittleEndian(vertices.Slice(at + 8, 8)) : BinaryPrimitives.ReadDoubleBigEndian(vertices.Slice(at + 8, 8));
            if (double.IsNaN(lon) || double.IsNaN(lat))
            {
                continue;
            }

            // Vertices snap to a 1/16-pixel grid and repeats are dropped (LineToIfMoved). At low zooms a parcel
            // of a few tenths of a pixel carries dozens of vertices, and most collapse. Snapping (unlike distance
            // thinning) treats a shared edge identically from both parcels, whichever way each ring runs it,
            // so neighbours still share exact edges and the layer stays seam-free. The shift is ≤ 1/32 pixel.
            double x = Math.Round(transform.X(lon) * SnapGrid) * SnapStep;
            double y = Math.Round(transform.Y(lat) * SnapGrid) * SnapStep;
            if (started)
            {
                path.LineToIfMoved(x, y);
            }
            else
            {
                path.MoveTo(x, y);
                started = true;
            }
        }

        if (started && close)
        {
            path.Close();
        }
    }



}
