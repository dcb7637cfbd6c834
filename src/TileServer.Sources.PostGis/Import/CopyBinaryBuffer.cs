namespace TileServer.Sources.PostGis.Import;

using System.Buffers;
using System.Buffers.Binary;
using System.Text;

/// <summary>A pooled byte buffer that builds PostgreSQL's binary COPY format (PostgreSQL docs, COPY, "Binary
/// Format"): an 11-byte signature, a flags word and a header-extension length, then per tuple a 16-bit field
/// count and per field a 32-bit length (-1 for NULL) followed by the value in the type's binary send form, and
/// a 16-bit -1 as trailer. Every integer is in network byte order. Encoding rows here and sending whole buffers
/// costs one write per buffer instead of Npgsql's per-value resolution and async calls, which were most of
/// the client's COPY time (docs/benchmarks.md, "Import into PostGIS").</summary>
internal sealed class CopyBinaryBuffer : IDisposable
{
    // "PGCOPY\n\377\r\n\0": the newline, CR and 0xFF bytes let the server detect a mangled transfer.
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private byte[] buffer;
    private int length;

    public CopyBinaryBuffer(int initialCapacity)
    {
        buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public int Length => length;

    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, length);

    public void Clear() => length = 0;

    /// <summary>Signature, flags (no OIDs) and an empty header extension.</summary>
    public void WriteHeader()
    {
        Signature.CopyTo(Reserve(Signature.Length));
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4), 0);
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4), 0);
    }

    public void WriteTrailer() => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);

    public void StartTuple(int fieldCount) => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), checked((short)fieldCount));

    public void WriteNull() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    /// <summary>int8send: eight bytes, big-endian.</summary>
    public void WriteInt64(long value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
    }

    /// <summary>float8send: the IEEE 754 bits, big-endian.</summary>
    public void WriteDouble(double value)
    {
        var span = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteDoubleBigEndian(span[4..], value);
    }

    /// <summary>Raw bytes, as byteasend would give them; geometry_recv reads WKB in this form.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        var span = Reserve(4 + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, value.Length);
        value.CopyTo(span[4..]);
    }

    /// <summary>A single-part WKB written as a one-part multi of type <paramref name="multiCode"/> (OGC 06-103r4 §8.2:
    /// byte order, type, count, then the part's own WKB), so a Multi* column accepts it.</summary>
    public void WriteWrappedInMulti(ReadOnlySpan<byte> part, uint multiCode)
    {
        var span = Reserve(4 + 9 + part.Length);
        BinaryPrimitives.WriteInt32BigEndian(span, 9 + part.Length);
        span[4] = 1; // little-endian
        BinaryPrimitives.WriteUInt32LittleEndian(span[5..], multiCode);
        BinaryPrimitives.WriteUInt32LittleEndian(span[9..], 1);
        part.CopyTo(span[13..]);
    }

    /// <summary>UTF-8 text as is: textsend's form when the client encoding is UTF-8, as Npgsql sets it. The
    /// caller guarantees well-formed UTF-8; the server would refuse anything else.</summary>
    public void WriteUtf8(ReadOnlySpan<byte> value) => WriteBytes(value);

    /// <summary>textsend: the characters in the client encoding, which Npgsql sets to UTF-8.</summary>
    public void WriteText(string value)
    {
        var span = Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var written = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, written);
        length -= span.Length - 4 - written; // give back what the worst case reserved
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private Span<byte> Reserve(int count)
    {
        if (length + count > buffer.Length)
            Grow(length + count);
        var span = buffer.AsSpan(length, count);
        length += count;
        return span;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
