using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Reading;

/// <summary>Decodes the MVT Value message (MVT 2.1 §4.1) into a boxed CLR value.</summary>
internal static class ValueReader
{
    public static object Read(ReadOnlySpan<byte> message)
    {
        var reader = new ProtobufReader(message);
        object? result = null;
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            result = (field, wireType) switch
            {
                (1, WireType.LengthDelimited) => System.Text.Encoding.UTF8.GetString(reader.ReadLengthDelimited()),
                (2, WireType.Fixed32) => BitConverter.UInt32BitsToSingle(reader.ReadFixed32()),
                (3, WireType.Fixed64) => BitConverter.UInt64BitsToDouble(reader.ReadFixed64()),
                (4, WireType.Varint) => unchecked((long)reader.ReadVarint()),
                (5, WireType.Varint) => reader.ReadVarint(),
                (6, WireType.Varint) => ZigZag.Decode(reader.ReadVarint()),
                (7, WireType.Varint) => reader.ReadVarint() != 0,
                _ => SkipUnknown(ref reader, wireType, result),
            };
        }

        return result ?? throw new FormatException("MVT value message holds no value.");
    }

    private static object? SkipUnknown(ref ProtobufReader reader, WireType wireType, object? current)
    {
        reader.Skip(wireType);
        return current;
    }
}
