namespace TileServer.Sources.PostGis.Import;

using System.Buffers.Binary;
using TileServer.Core.Features;

/// <summary>Decides whether stored WKB can go into the COPY as is. 2D ISO WKB of the declared type passes
/// untouched; a single part where the column is Multi* is wrapped into a one-part multi
/// (<see cref="CopyBinaryBuffer.WriteWrappedInMulti"/>). Anything else (Z/M, EWKB flags, other types) is
/// <see cref="WkbForm.Reencode"/>: the caller encodes from the decoded geometry instead.</summary>
internal static class WkbPassThrough
{
    private const uint MultiPolygon = 6;

    public static WkbForm Classify(ReadOnlySpan<byte> wkb, GeometryKind declared)
    {
        if (wkb.Length < 5 || wkb[0] > 1)
            return WkbForm.Reencode;
        uint type = wkb[0] == 1 ? BinaryPrimitives.ReadUInt32LittleEndian(wkb[1..]) : BinaryPrimitives.ReadUInt32BigEndian(wkb[1..]);
        uint wanted = GeometryKinds.WkbCode(declared);
        if (wanted == 0 || type > MultiPolygon)
            return WkbForm.Reencode; // Z, M, EWKB SRID flags or a geometry collection: let the encoder normalise it
        if (type == wanted)
            return WkbForm.AsStored;
        return wanted - type == 3 ? WkbForm.WrapInMulti : WkbForm.Reencode;
    }
}
