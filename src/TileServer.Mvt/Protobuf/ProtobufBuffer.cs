using System.Buffers.Binary;
using System.Text;

namespace TileServer.Mvt.Protobuf;

/// <summary>
/// Growable, reusable byte buffer with the handful of protobuf primitives the MVT encoder needs.
/// The backing array is kept across <see cref="Clear"/> so a writer reaches a steady state without allocating.
/// </summary>
internal sealed class ProtobufBuffer
{
    private const int MinimumCapacity = 256;
    private byte[] _bytes;

    public ProtobufBuffer(int initialCapacity = 4096) => _bytes = new byte[Math.Max(initialCapacity, MinimumCapacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, Length);

    public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

    public void Clear() => Length = 0;

    /// <summary>Number of bytes a base-128 varint needs (1..10).</summary>
    public static int VarintSize(ulong value)
    {
        // Each byte carries 7 payload bits; 64 - leading zeros gives the significant bit count.
        int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(value | 1);
        return (bits + 6) / 7;
    }

    public static uint MakeTag(int fieldNumber, WireType wireType) => ((uint)fieldNumber << 3) | (uint)wireType;

    public void WriteTag(int fieldNumber, WireType wireType) => WriteVarint(MakeTag(fieldNumber, wireType));

    public void WriteVarint(ulong value)
    {
        EnsureCapacity(10);
        byte[] bytes = _bytes;
        int position = Length;
        while (value >= 0x80)
        {
            bytes[position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        bytes[position++] = (byte)value;
        Length = position;
    }

    public void WriteFixed32(uint value)
    {
        EnsureCapacity(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(Length), value);
        Length += 4;
    }

    public void WriteFixed64(ulong value)
    {
        EnsureCapacity(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_bytes.AsSpan(Length), value);
        Length += 8;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Writes a length-delimited UTF-8 string field whose byte count the caller already knows.</summary>
    public void WriteStringField(int fieldNumber, string value, int utf8ByteCount)
    {
        WriteTag(fieldNumber, WireType.LengthDelimited);
        WriteVarint((uint)utf8ByteCount);
        EnsureCapacity(utf8ByteCount);
        int written = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(Length, utf8ByteCount));
        Length += written;
    }

    public void WriteStringField(int fieldNumber, string value) =>
        WriteStringField(fieldNumber, value, Encoding.UTF8.GetByteCount(value));

    /// <summary>Size of a complete length-delimited string field (tag + length + payload) for a small field number.</summary>
    public static int StringFieldSize(int utf8ByteCount) => 1 + VarintSize((uint)utf8ByteCount) + utf8ByteCount;

    /// <summary>Writes a packed repeated uint32 field (protobuf "Packed Repeated Fields"); nothing when empty.</summary>
    public void WritePackedUInt32(int fieldNumber, ReadOnlySpan<uint> values, int payloadSize)
    {
        if (values.IsEmpty)
        {
            return;
        }

        WriteTag(fieldNumber, WireType.LengthDelimited);
        WriteVarint((uint)payloadSize);
        EnsureCapacity(payloadSize);
        foreach (uint value in values)
        {
            WriteVarint(value);
        }
    }

    public static int PackedPayloadSize(ReadOnlySpan<uint> values)
    {
        int size = 0;
        foreach (uint value in values)
        {
            size += VarintSize(value);
        }

        return size;
    }

    private void EnsureCapacity(int additional)
    {
        int required = Length + additional;
        if (required <= _bytes.Length)
        {
            return;
        }

        int newCapacity = Math.Max(required, _bytes.Length * 2);
        Array.Resize(ref _bytes, newCapacity);
    }
}
