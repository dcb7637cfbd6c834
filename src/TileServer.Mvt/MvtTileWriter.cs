using System.Buffers;
using System.Runtime.InteropServices;
using TileServer.Mvt.Writing;
using TileServer.Mvt.Geometry;
using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt;

/// <summary>
/// Encodes one Mapbox Vector Tile 2.1 at a time. Reuse an instance with <see cref="Reset"/>: every buffer is
/// kept, so steady-state encoding does not allocate beyond the final <see cref="ToArray"/>. Not thread-safe.
/// </summary>
public sealed class MvtTileWriter
{
    // Field numbers from the vector_tile.proto of MVT 2.1 §4 (Tile, Layer, Feature messages).
    private const int TileLayersField = 3;
    private const int LayerNameField = 1;
    private const int LayerFeaturesField = 2;
    private const int LayerExtentField = 5;
    private const int LayerVersionField = 15;
    private const int FeatureIdField = 1;
    private const int FeatureTagsField = 2;
    private const int FeatureTypeField = 3;
    private const int FeatureGeometryField = 4;
    private const uint LayerVersion = 2;

    private readonly MvtEncodingOptions _options;
    private readonly ProtobufBuffer _heads = new(1024);
    private readonly ProtobufBuffer _features = new(16 * 1024);
    private readonly ProtobufBuffer _layerScratch = new(1024);
    private readonly List<LayerRange> _layers = new();
    private readonly HashSet<string> _layerNames = new(StringComparer.Ordinal);
    private readonly LayerDictionary _dictionary = new();
    private readonly CommandWriter _commands = new();
    private readonly List<uint> _tags = new();
    private readonly FeatureGeometryEncoder _geometryEncoder;

    private string? _layerName;
    private double _simplifyTolerance;
    private double _minPolygonArea;
    private int _layerFeaturesStart;
    private int _layerFeatureCount;
    private int _totalFeatureCount;

    public MvtTileWriter(MvtEncodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Extent == 0 || options.Extent > int.MaxValue / 4)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Extent, "Extent must be positive and reasonably small.");
        }

        if (options.Buffer < 0 || options.Buffer > options.Extent)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Buffer, "Buffer must be in 0..Extent.");
        }

        _options = options;
        _geometryEncoder = new FeatureGeometryEncoder(new ClipBox(-options.Buffer, (double)options.Extent + options.Buffer));
    }

    /// <summary>No feature in any layer (including a layer still open).</summary>
    public bool IsEmpty => _totalFeatureCount == 0;

    public void Reset()
    {
        _heads.Clear();
        _features.Clear();
        _layers.Clear();
        _layerNames.Clear();
        _dictionary.Clear();
        _layerName = null;
        _layerFeatureCount = 0;
        _totalFeatureCount = 0;
    }

    /// <param name="name">Layer name; MVT 2.1 §4.1 says a tile should not hold two layers of the same name.</param>
    /// <param name="simplifyTolerance">Douglas–Peucker tolerance in extent units; 0 disables simplification.</param>
    /// <param name="minPolygonArea">Rings smaller than this (extent units²) are dropped: an exterior with its holes, a hole alone.</param>
    public void BeginLayer(string name, double simplifyTolerance = 0, double minPolygonArea = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_layerName is not null)
        {
            throw new InvalidOperationException($"Layer '{_layerName}' is still open; call EndLayer first.");
        }

        if (_layerNames.Contains(name))
        {
            throw new InvalidOperationException($"The tile already contains a layer named '{name}'.");
        }

        if (!(simplifyTolerance >= 0) || !(minPolygonArea >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(simplifyTolerance), "Tolerance and minimum area must be non-negative numbers.");
        }

        _layerName = name;
        _simplifyTolerance = simplifyTolerance;
        _minPolygonArea = minPolygonArea;
        _layerFeaturesStart = _features.Length;
        _layerFeatureCount = 0;
        _dictionary.Clear();
    }

    /// <summary>
    /// Runs the geometry through simplification, clipping, rounding and cleanup and writes the feature.
    /// Returns false (and writes nothing) if no geometry survived.
    /// </summary>
    public bool AddFeature(ulong? id, MvtGeometry geometry, ReadOnlySpan<MvtAttribute> attributes)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (_layerName is null)
        {
            throw new InvalidOperationException("Call BeginLayer before AddFeature.");
        }

        // Geometry first: a feature that vanishes must not leave keys or values behind in the layer.
        if (!_geometryEncoder.Encode(geometry, _simplifyTolerance, _minPolygonArea, _commands))
        {
            return false;
        }

        _tags.Clear();
        foreach (ref readonly MvtAttribute attribute in attributes)
        {
            ArgumentNullException.ThrowIfNull(attribute.Key, nameof(attributes));
            _tags.Add(_dictionary.GetKeyIndex(attribute.Key));
            _tags.Add(_dictionary.GetValueIndex(attribute.Value));
        }

        WriteFeature(id, geometry.Type);
        _layerFeatureCount++;
        _totalFeatureCount++;
        return true;
    }

    /// <summary>Finishes the open layer. A layer without features is omitted from the tile.</summary>
    public void EndLayer()
    {
        string name = _layerName ?? throw new InvalidOperationException("No layer is open.");
        _layerName = null;
        if (_layerFeatureCount == 0)
        {
            return;
        }

        _layerScratch.Clear();
        _layerScratch.WriteTag(LayerVersionField, WireType.Varint);
        _layerScratch.WriteVarint(LayerVersion);
        _layerScratch.WriteStringField(LayerNameField, name);
        _layerScratch.WriteTag(LayerExtentField, WireType.Varint);
        _layerScratch.WriteVarint(_options.Extent);
        _dictionary.WriteTo(_layerScratch);

        int featuresLength = _features.Length - _layerFeaturesStart;
        int headStart = _heads.Length;
        _heads.WriteTag(TileLayersField, WireType.LengthDelimited);
        _heads.WriteVarint((ulong)(_layerScratch.Length + featuresLength));
        _heads.WriteBytes(_layerScratch.WrittenSpan);
        _layers.Add(new LayerRange(headStart, _heads.Length - headStart, _layerFeaturesStart, featuresLength));
        _layerNames.Add(name);
    }

    public byte[] ToArray()
    {
        EnsureNoOpenLayer();
        int total = 0;
        foreach (LayerRange layer in _layers)
        {
            total += layer.HeadLength + layer.FeaturesLength;
        }

        byte[] result = new byte[total];
        Span<byte> destination = result;
        foreach (LayerRange layer in _layers)
        {
            _heads.Slice(layer.HeadStart, layer.HeadLength).CopyTo(destination);
            destination = destination[layer.HeadLength..];
            _features.Slice(layer.FeaturesStart, layer.FeaturesLength).CopyTo(destination);
            destination = destination[layer.FeaturesLength..];
        }

        return result;
    }

    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        EnsureNoOpenLayer();
        foreach (LayerRange layer in _layers)
        {
            output.Write(_heads.Slice(layer.HeadStart, layer.HeadLength));
            output.Write(_features.Slice(layer.FeaturesStart, layer.FeaturesLength));
        }
    }

    private void WriteFeature(ulong? id, MvtGeometryType type)
    {
        ReadOnlySpan<uint> tags = CollectionsMarshal.AsSpan(_tags);
        ReadOnlySpan<uint> geometry = _commands.Commands;
        int tagsPayload = ProtobufBuffer.PackedPayloadSize(tags);
        int geometryPayload = ProtobufBuffer.PackedPayloadSize(geometry);

        // Sizes are computed up front so the feature's length prefix is written once, without back-patching.
        int length = 2 + 1 + ProtobufBuffer.VarintSize((uint)geometryPayload) + geometryPayload;
        if (id.HasValue)
        {
            length += 1 + ProtobufBuffer.VarintSize(id.Value);
        }

        if (tagsPayload > 0)
        {
            length += 1 + ProtobufBuffer.VarintSize((uint)tagsPayload) + tagsPayload;
        }

        _features.WriteTag(LayerFeaturesField, WireType.LengthDelimited);
        _features.WriteVarint((uint)length);
        if (id.HasValue)
        {
            _features.WriteTag(FeatureIdField, WireType.Varint);
            _features.WriteVarint(id.Value);
        }

        _features.WritePackedUInt32(FeatureTagsField, tags, tagsPayload);
        _features.WriteTag(FeatureTypeField, WireType.Varint);
        _features.WriteVarint((uint)type);
        _features.WritePackedUInt32(FeatureGeometryField, geometry, geometryPayload);
    }

    private void EnsureNoOpenLayer()
    {
        if (_layerName is not null)
        {
            throw new InvalidOperationException($"Layer '{_layerName}' is still open; call EndLayer first.");
        }
    }
}
