namespace TileServer.Sources.PostGis.Import;

using System.Buffers.Binary;

/// <summary>Walks whole binary COPY tuples as <see cref="CopyRowWriter"/> lays them out (a 16-bit field count, then
/// per field a 32-bit length, −1 for NULL, and the value; the fid first, the geometry's WKB second) and lists the
/// fids whose geometry <see cref="PolygonValidityProof"/> cannot prove valid. It reads a buffer after it was sent,
/// on another thread, so the proof costs the COPY's critical path nothing while a core has time to spare.</summary>
internal static class CopyTupleValidityScan
{
    public static List<long> Unproven(ReadOnlySpan<byte> tuples)
    {
        var unproven = new List<long>();
        var offset = 0;
        while (offset < tuples.Length)
        {
            var fields = BinaryPrimitives.ReadInt16BigEndian(tuples[offset..]);
            offset += 2;
            long fid = 0;
            var proven = false;
            for (var field = 0; field < fields; field++)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(tuples[offset..]);
                offset += 4;
                if (length < 0)
                    continue; // NULL
                var value = tuples.Slice(offset, length);
                if (field == 0)
                    fid = BinaryPrimitives.ReadInt64BigEndian(value);
                else if (field == 1)
                    proven = PolygonValidityProof.IsProvenValid(value);
                offset += length;
            }

            if (!proven)
                unproven.Add(fid);
        }

        return unproven;
    }
}
