using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Reading;

/// <summary>Decodes the MVT Feature message (MVT 2.1 §4.2) against its layer's key and value tables.</summary>
internal static class FeatureReader
{
    private const int IdField = 1;
    private const int TagsField = 2;
    private const int TypeField = 3;
    private const int GeometryField = 4;

    public static MvtFeature Read(ReadOnlySpan<byte> message, List<string> keys, List<object> values)
    {
        var reader = new ProtobufReader(message);
        ulong? id = null;
        var type = MvtGeometryType.Unknown;
        var tags = new List<uint>();
        var geometry = new List<uint>();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case IdField when wireType == WireType.Varint:
                    id = reader.ReadVarint();
                    break;
                case TagsField:
                    ReadUInt32s(ref reader, wireType, tags);
                    break;
                case TypeField when wireType == WireType.Varint:
                    type = (MvtGeometryType)reader.ReadVarint();
                    break;
                case GeometryField:
                    ReadUInt32s(ref reader, wireType, geometry);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        uint[] commands = geometry.ToArray();
        return new MvtFeature(id, type, ResolveTags(tags, keys, values), GeometryDecoder.Decode(type, commands), commands);
    }

    private static Dictionary<string, object> ResolveTags(List<uint> tags, List<string> keys, List<object> values)
    {
        // MVT 2.1 §4.2: tags are key/value index pairs, so an odd count or an out-of-range index is malformed.
        if (tags.Count % 2 != 0)
        {
            throw new FormatException("Feature tags must come in key/value pairs.");
        }

        var attributes = new Dictionary<string, object>(tags.Count / 2, StringComparer.Ordinal);
        for (int i = 0; i < tags.Count; i += 2)
        {
            if (tags[i] >= keys.Count || tags[i + 1] >= values.Count)
            {
                throw new FormatException("Feature tag refers past the layer's keys or values.");
            }

            attributes[keys[(int)tags[i]]] = values[(int)tags[i + 1]];
        }

        return attributes;
    }

    /// <summary>Accepts both packed (the spec's form) and unpacked encodings of a repeated uint32.</summary>
    private static void ReadUInt32s(ref ProtobufReader reader, WireType wireType, List<uint> target)
    {
        if (wireType == WireType.Varint)
        {
            target.Add(checked((uint)reader.ReadVarint()));
            return;
        }

        if (wireType != WireType.LengthDelimited)
        {
            throw new FormatException("Repeated uint32 field with an unexpected wire type.");
        }

        var packed = new ProtobufReader(reader.ReadLengthDelimited());
        while (!packed.IsAtEnd)
        {
            ulong value = packed.ReadVarint();
            target.Add(value <= uint.MaxValue ? (uint)value : throw new FormatException("Value exceeds uint32."));
        }
    }
}
