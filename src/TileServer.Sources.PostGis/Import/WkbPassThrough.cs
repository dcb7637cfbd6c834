namespace TileServer.Sources.PostGis.Import;

using System.Buffers.Binary;
using TileServer.Core.Features;

/// <summary>Decides whether stored WKB can go into the COPY as is. 2D ISO WKB of the declared type passes
/// untouched; a single part where the column is Multi* is wrapped into a one-part multi by prefixing a
/// header (OGC 06-103r4 §8.2: byte order, type, count, then the part's own WKB). Anything else (Z/M,
/// EWKB flags, other types) returns false, and the caller encodes from the decoded geometry instead.</summary>
internal static class WkbPassThrough
{
    private const uint MultiPolygon = 6;

    public static bool TryAsDeclared(ReadOnlyMemory<byte> wkb, GeometryKind declared, out ReadOnlyMemory<byte> result)
    {
        result = wkb;
        var span = wkb.Span;
        if (span.Length < 5 || span[0] > 1)
            return false;
        uint type = span[0] == 1 ? BinaryPrimitives.ReadUInt32LittleEndian(span[1..]) : BinaryPrimitives.ReadUInt32BigEndian(span[1..]);
        uint wanted = GeometryKinds.WkbCode(declared);
        if (wanted == 0 || type > MultiPolygon)
            return false; // Z, M, EWKB SRID flags or a geometry collection: let the encoder normalise it
        if (type == wanted)
            return true;
        if (wanted - type != 3)
            return false; // another kind altogether: the encoder path reports it

        var wrapped = new byte[9 + span.Length];
        wrapped[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(wrapped.AsSpan(1), wanted);
        BinaryPrimitives.WriteUInt32LittleEndian(wrapped.AsSpan(5), 1);
        span.CopyTo(wrapped.AsSpan(9));
        result = wrapped;
        return true;
    }
}
