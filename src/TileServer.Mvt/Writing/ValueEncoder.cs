using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Writing;

/// <summary>Writes the MVT Value message (MVT 2.1 §4.1): exactly one of its seven fields is set.</summary>
internal static class ValueEncoder
{
    private const int StringField = 1;
    private const int FloatField = 2;
    private const int DoubleField = 3;
    private const int IntField = 4;
    private const int UIntField = 5;
    private const int SIntField = 6;
    private const int BoolField = 7;

    /// <summary>Size of the Value message body; <paramref name="utf8ByteCount"/> is used for strings only.</summary>
    public static int PayloadSize(in MvtValue value, int utf8ByteCount) => value.Kind switch
    {
        MvtValueKind.String => ProtobufBuffer.StringFieldSize(utf8ByteCount),
        MvtValueKind.Float => 1 + 4,
        MvtValueKind.Double => 1 + 8,
        MvtValueKind.Long => 1 + ProtobufBuffer.VarintSize(LongVarint(value.AsLong())),
        MvtValueKind.ULong => 1 + ProtobufBuffer.VarintSize(value.Bits),
        MvtValueKind.Bool => 1 + 1,
        _ => throw new ArgumentException("An empty MvtValue cannot be encoded.", nameof(value)),
    };

    public static void Write(ProtobufBuffer buffer, in MvtValue value, int utf8ByteCount)
    {
        switch (value.Kind)
        {
            case MvtValueKind.String:
                buffer.WriteStringField(StringField, value.AsString(), utf8ByteCount);
                break;
            case MvtValueKind.Float:
                buffer.WriteTag(FloatField, WireType.Fixed32);
                buffer.WriteFixed32((uint)value.Bits);
                break;
            case MvtValueKind.Double:
                buffer.WriteTag(DoubleField, WireType.Fixed64);
                buffer.WriteFixed64(value.Bits);
                break;
            case MvtValueKind.Long:
                long number = value.AsLong();
                buffer.WriteTag(number < 0 ? SIntField : IntField, WireType.Varint);
                buffer.WriteVarint(LongVarint(number));
                break;
            case MvtValueKind.ULong:
                buffer.WriteTag(UIntField, WireType.Varint);
                buffer.WriteVarint(value.Bits);
                break;
            case MvtValueKind.Bool:
                buffer.WriteTag(BoolField, WireType.Varint);
                buffer.WriteVarint(value.Bits);
                break;
            default:
                throw new ArgumentException("An empty MvtValue cannot be encoded.", nameof(value));
        }
    }

    /// <summary>
    /// Negative numbers go to sint_value (zigzag, short); non-negative ones to int_value, whose plain varint is
    /// as short as the zigzag form would be.
    /// </summary>
    private static ulong LongVarint(long number) => number < 0 ? ZigZag.Encode(number) : (ulong)number;
}
