using System.Text;
using TileServer.Mvt.Protobuf;
using TileServer.Mvt.Reading;

namespace TileServer.Mvt;

/// <summary>Decodes Mapbox Vector Tiles (MVT 2.1 §4). Malformed data raises <see cref="FormatException"/>.</summary>
public static class MvtReader
{
    private const int TileLayersField = 3;
    private const int LayerNameField = 1;
    private const int LayerFeaturesField = 2;
    private const int LayerKeysField = 3;
    private const int LayerValuesField = 4;
    private const int LayerExtentField = 5;
    private const int LayerVersionField = 15;

    public static MvtTile Read(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        var layers = new List<MvtLayer>();
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            if (field == TileLayersField && wireType == WireType.LengthDelimited)
            {
                layers.Add(ReadLayer(reader.ReadLengthDelimited()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return new MvtTile(layers);
    }

    private static MvtLayer ReadLayer(ReadOnlySpan<byte> message)
    {
        string? name = null;
        uint version = 1;
        uint extent = 4096;
        var keys = new List<string>();
        var values = new List<object>();
        int featureCount = 0;

        // Keys and values may follow the features on the wire, so features are decoded in a second pass.
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            switch (field)
            {
                case LayerNameField when wireType == WireType.LengthDelimited:
                    name = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case LayerKeysField when wireType == WireType.LengthDelimited:
                    keys.Add(Encoding.UTF8.GetString(reader.ReadLengthDelimited()));
                    break;
                case LayerValuesField when wireType == WireType.LengthDelimited:
                    values.Add(ValueReader.Read(reader.ReadLengthDelimited()));
                    break;
                case LayerExtentField when wireType == WireType.Varint:
                    extent = checked((uint)reader.ReadVarint());
                    break;
                case LayerVersionField when wireType == WireType.Varint:
                    version = checked((uint)reader.ReadVarint());
                    break;
                case LayerFeaturesField when wireType == WireType.LengthDelimited:
                    reader.ReadLengthDelimited();
                    featureCount++;
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        var features = new List<MvtFeature>(featureCount);
        reader = new ProtobufReader(message);
        while (reader.TryReadTag(out int field, out WireType wireType))
        {
            if (field == LayerFeaturesField && wireType == WireType.LengthDelimited)
            {
                features.Add(FeatureReader.Read(reader.ReadLengthDelimited(), keys, values));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return new MvtLayer(name ?? throw new FormatException("MVT layer without a name (MVT 2.1 §4.1 requires one)."), version, extent, features);
    }
}
