namespace TileServer.Mvt.Tests;

/// <summary>Decoder checks against hand-assembled protobuf bytes, independent of the encoder.</summary>
public sealed class MvtReaderTests
{
    // Feature: id=5, tags=[0,0] (packed), type=POINT, geometry=[9,50,34] (packed) — MVT 2.1 §4.2, §4.3.5.1.
    private static readonly byte[] FeatureBytes = [0x08, 0x05, 0x12, 0x02, 0x00, 0x00, 0x18, 0x01, 0x22, 0x03, 0x09, 0x32, 0x22];

    private static byte[] HandMadeTile(byte[] feature, byte[] value)
    {
        // Layer with name "l", the feature placed before keys/values, no version and no extent fields.
        byte[] layer = [0x0A, 0x01, (byte)'l', 0x12, (byte)feature.Length, .. feature, 0x1A, 0x01, (byte)'k', 0x22, (byte)value.Length, .. value];
        // An unknown tile field (9, varint) precedes the layer and must be skipped.
        return [0x48, 0x01, 0x1A, (byte)layer.Length, .. layer];
    }

    [Fact]
    public void Reads_a_hand_assembled_tile_with_proto_defaults()
    {
        MvtTile tile = MvtReader.Read(HandMadeTile(FeatureBytes, [0x30, 0x05]));

        MvtLayer layer = Assert.Single(tile.Layers);
        Assert.Equal("l", layer.Name);
        Assert.Equal(1u, layer.Version);
        Assert.Equal(4096u, layer.Extent);
        MvtFeature feature = Assert.Single(layer.Features);
        Assert.Equal(5UL, feature.Id);
        Assert.Equal(MvtGeometryType.Point, feature.Type);
        Assert.Equal(-3L, feature.Attributes["k"]);
        Assert.Equal([9u, 50, 34], feature.Commands);
        Assert.Equal(new MvtPoint(25, 17), Assert.Single(Assert.Single(feature.Parts)));
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x02, (byte)'h', (byte)'i' }, "hi")]
    [InlineData(new byte[] { 0x15, 0x00, 0x00, 0xC0, 0x3F }, 1.5f)]
    [InlineData(new byte[] { 0x19, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F }, 1.5d)]
    [InlineData(new byte[] { 0x20, 0x2A }, 42L)]
    [InlineData(new byte[] { 0x28, 0x2A }, 42UL)]
    [InlineData(new byte[] { 0x38, 0x01 }, true)]
    public void Decodes_each_value_field(byte[] value, object expected)
    {
        MvtTile tile = MvtReader.Read(HandMadeTile(FeatureBytes, value));

        object actual = tile.Layers[0].Features[0].Attributes["k"];
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Truncated_data_is_a_format_error()
    {
        byte[] tile = HandMadeTile(FeatureBytes, [0x30, 0x05]);

        Assert.Throws<FormatException>(() => MvtReader.Read(tile.AsSpan(0, tile.Length - 1)));
    }

    [Fact]
    public void Tag_index_past_the_value_table_is_a_format_error()
    {
        byte[] feature = [0x12, 0x02, 0x00, 0x03, 0x18, 0x01, 0x22, 0x03, 0x09, 0x32, 0x22];

        Assert.Throws<FormatException>(() => MvtReader.Read(HandMadeTile(feature, [0x30, 0x05])));
    }

    [Fact]
    public void LineTo_before_MoveTo_is_a_format_error()
    {
        byte[] feature = [0x18, 0x02, 0x22, 0x03, 0x0A, 0x02, 0x02];

        Assert.Throws<FormatException>(() => MvtReader.Read(HandMadeTile(feature, [0x30, 0x05])));
    }

    [Fact]
    public void Geometry_parameters_past_the_end_are_a_format_error()
    {
        byte[] feature = [0x18, 0x01, 0x22, 0x02, 0x11, 0x02];

        Assert.Throws<FormatException>(() => MvtReader.Read(HandMadeTile(feature, [0x30, 0x05])));
    }

    [Fact]
    public void Empty_input_is_an_empty_tile()
    {
        Assert.Empty(MvtReader.Read([]).Layers);
    }
}
