using System.Runtime.InteropServices;
using System.Text;
using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Writing;

/// <summary>
/// Per-layer key and value tables. MVT 2.1 §4.4 has features reference attributes by index into the layer's
/// keys and values lists, so equal keys/values are stored once. Capacity is retained across layers.
/// </summary>
internal sealed class LayerDictionary
{
    private const int KeysField = 3;
    private const int ValuesField = 4;

    private readonly Dictionary<string, int> _keyIndex = new(StringComparer.Ordinal);
    private readonly List<string> _keys = new();
    private readonly Dictionary<MvtValue, int> _valueIndex = new();
    private readonly List<MvtValue> _values = new();

    public int KeyCount => _keys.Count;

    public int ValueCount => _values.Count;

    public void Clear()
    {
        _keyIndex.Clear();
        _keys.Clear();
        _valueIndex.Clear();
        _values.Clear();
    }

    public uint GetKeyIndex(string key)
    {
        ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(_keyIndex, key, out bool exists);
        if (!exists)
        {
            index = _keys.Count;
            _keys.Add(key);
        }

        return (uint)index;
    }

    public uint GetValueIndex(MvtValue value)
    {
        if (value.Kind == MvtValueKind.None)
        {
            throw new ArgumentException("An empty MvtValue cannot be encoded.", nameof(value));
        }

        ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(_valueIndex, value, out bool exists);
        if (!exists)
        {
            index = _values.Count;
            _values.Add(value);
        }

        return (uint)index;
    }

    /// <summary>Writes the repeated keys (field 3) and values (field 4) of the Layer message.</summary>
    public void WriteTo(ProtobufBuffer buffer)
    {
        foreach (string key in _keys)
        {
            buffer.WriteStringField(KeysField, key);
        }

        foreach (MvtValue value in _values)
        {
            int utf8Length = value.Kind == MvtValueKind.String ? Encoding.UTF8.GetByteCount(value.AsString()) : 0;
            buffer.WriteTag(ValuesField, WireType.LengthDelimited);
            buffer.WriteVarint((uint)ValueEncoder.PayloadSize(value, utf8Length));
            ValueEncoder.Write(buffer, value, utf8Length);
        }
    }
}
