namespace TileServer.Sources.GeoPackage.Binary;

using System.Buffers.Binary;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Geometry;

/// <summary>Reads and writes the GeoPackageBinary geometry encoding of GeoPackage 1.3 §2.1.3.1.1:
/// magic "GP", version 0, a flags byte, the int32 srs_id, an optional envelope, then ISO WKB.</summary>
public static class GeoPackageBinary
{
    /// <summary>Magic, version, flags and srs_id: the part every header has.</summary>
    public const int FixedHeaderLength = 8;

    private const byte MagicG = 0x47;
    private const byte MagicP = 0x50;
    private const byte LittleEndianFlag = 0b0000_0001;
    private const byte EnvelopeMask = 0b0000_1110;
    private const byte EmptyFlag = 0b0001_0000;
    private const byte ExtendedTypeFlag = 0b0010_0000;

    /// <summary>Envelope sizes by contents indicator (flags bits 1-3): none, xy, xyz, xym, xyzm;
    /// 5-7 are invalid per GeoPackage 1.3 Table 6.</summary>
    public static int EnvelopeLength(int indicator) => indicator switch
    {
        0 => 0,
        1 => 32,
        2 or 3 => 48,
        4 => 64,
        _ => throw new FormatException($"GeoPackage geometry header: invalid envelope contents indicator {indicator}"),
    };

    /// <summary>Decodes the header; throws <see cref="FormatException"/> on a blob that is not a
    /// StandardGeoPackageBinary geometry.</summary>
    public static GeoPackageGeometryHeader ReadHeader(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < FixedHeaderLength)
            throw new FormatException($"GeoPackage geometry header: blob of {blob.Length} bytes is too short");
        if (blob[0] != MagicG || blob[1] != MagicP)
            throw new FormatException("GeoPackage geometry header: missing 'GP' magic");

        var flags = blob[3];
        // ExtendedGeoPackageBinary (flags bit 5) carries a vendor geometry type we cannot interpret.
        if ((flags & ExtendedTypeFlag) != 0)
            throw new FormatException("GeoPackage geometry header: ExtendedGeoPackageBinary geometries are not supported");

        var littleEndian = (flags & LittleEndianFlag) != 0;
        var indicator = (flags & EnvelopeMask) >> 1;
        var envelopeLength = EnvelopeLength(indicator);
        var length = FixedHeaderLength + envelopeLength;
        if (blob.Length < length)
            throw new FormatException($"GeoPackage geometry header: blob of {blob.Length} bytes is shorter than its {length}-byte header");

        var srid = littleEndian
            ? BinaryPrimitives.ReadInt32LittleEndian(blob[4..])
            : BinaryPrimitives.ReadInt32BigEndian(blob[4..]);

        BoundingBox? envelope = null;
        if (indicator != 0)
        {
            // Every envelope variant starts with [minx, maxx, miny, maxy] (GeoPackage 1.3 Table 6).
            var minX = ReadDouble(blob[8..], littleEndian);
            var maxX = ReadDouble(blob[16..], littleEndian);
            var minY = ReadDouble(blob[24..], littleEndian);
            var maxY = ReadDouble(blob[32..], littleEndian);
            envelope = new BoundingBox(minX, minY, maxX, maxY);
        }

        return new GeoPackageGeometryHeader(blob[2], littleEndian, indicator, (flags & EmptyFlag) != 0, srid, envelope, length);
    }

    /// <summary>Writes a little-endian header of <see cref="HeaderLength"/> bytes: envelope indicator 1
    /// for a non-empty geometry, 0 with the empty flag set for an empty one.</summary>
    public static int WriteHeader(Span<byte> destination, int srid, BoundingBox? envelope)
    {
        var length = HeaderLength(envelope is not null);
        if (destination.Length < length)
            throw new ArgumentException($"destination needs {length} bytes", nameof(destination));

        destination[0] = MagicG;
        destination[1] = MagicP;
        destination[2] = 0; // version 0 = GeoPackage 1.x
        destination[3] = envelope is null ? (byte)(LittleEndianFlag | EmptyFlag) : (byte)(LittleEndianFlag | (1 << 1));
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], srid);
        if (envelope is { } box)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(destination[8..], box.MinX);
            BinaryPrimitives.WriteDoubleLittleEndian(destination[16..], box.MaxX);
            BinaryPrimitives.WriteDoubleLittleEndian(destination[24..], box.MinY);
            BinaryPrimitives.WriteDoubleLittleEndian(destination[32..], box.MaxY);
        }

        return length;
    }

    public static int HeaderLength(bool hasEnvelope) => FixedHeaderLength + (hasEnvelope ? 32 : 0);

    /// <summary>Encodes a geometry as a complete GeoPackageBinary blob (2D ISO WKB, little endian).</summary>
    public static byte[] Encode(Geometry geometry, int srid) => Encode(geometry, srid, CreateWkbWriter());

    /// <summary>As <see cref="Encode(Geometry,int)"/>, reusing a writer from <see cref="CreateWkbWriter"/>
    /// (one per thread).</summary>
    public static byte[] Encode(Geometry geometry, int srid, WKBWriter wkbWriter)
    {
        BoundingBox? envelope = null;
        if (!geometry.IsEmpty)
        {
            var e = geometry.EnvelopeInternal;
            envelope = new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY);
        }

        var wkb = wkbWriter.Write(geometry);
        var headerLength = HeaderLength(envelope is not null);
        var blob = new byte[headerLength + wkb.Length];
        WriteHeader(blob, srid, envelope);
        wkb.CopyTo(blob.AsSpan(headerLength));
        return blob;
    }

    /// <summary>A WKB writer producing what GeoPackage 1.3 §2.1.3.1.1 requires after the header:
    /// ISO WKB, here always 2D and little endian, without an embedded SRID.</summary>
    public static WKBWriter CreateWkbWriter() => new(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false);

    /// <summary>The WKB part of a blob, without copying.</summary>
    public static ReadOnlyMemory<byte> WkbSlice(ReadOnlyMemory<byte> blob, in GeoPackageGeometryHeader header) => blob[header.Length..];

    private static double ReadDouble(ReadOnlySpan<byte> source, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(source) : BinaryPrimitives.ReadDoubleBigEndian(source);
}
