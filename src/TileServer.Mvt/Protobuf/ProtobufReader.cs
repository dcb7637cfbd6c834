using System.Buffers.Binary;

namespace TileServer.Mvt.Protobuf;

/// <summary>
/// Forward-only protobuf reader over a span. Malformed input raises <see cref="FormatException"/>
/// rather than reading out of bounds, because tiles may come from untrusted caches or upstream servers.
/// </summary>
internal ref struct ProtobufReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtobufReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool IsAtEnd => _position >= _data.Length;

    public bool TryReadTag(out int fieldNumber, out WireType wireType)
    {
        if (IsAtEnd)
        {
            fieldNumber = 0;
            wireType = WireType.Varint;
            return false;
        }

        ulong tag = ReadVarint();
        fieldNumber = checked((int)(tag >> 3));
        wireType = (WireType)(tag & 0x7);
        if (fieldNumber == 0)
        {
            throw new FormatException("Protobuf field number 0 is invalid.");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new FormatException("Truncated varint.");
            }

            byte current = _data[_position++];
            if (shift == 63 && current > 1)
            {
                throw new FormatException("Varint overflows 64 bits.");
            }

            result |= (ulong)(current & 0x7F) << shift;
            if ((current & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("Varint longer than 10 bytes.");
    }

    public uint ReadFixed32()
    {
        ReadOnlySpan<byte> bytes = Take(4);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    public ulong ReadFixed64()
    {
        ReadOnlySpan<byte> bytes = Take(8);
        return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new FormatException("Length-delimited field runs past the end of its message.");
        }

        return Take((int)length);
    }

    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                throw new FormatException($"Unsupported protobuf wire type {(int)wireType}.");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new FormatException("Unexpected end of protobuf data.");
        }

        ReadOnlySpan<byte> slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
