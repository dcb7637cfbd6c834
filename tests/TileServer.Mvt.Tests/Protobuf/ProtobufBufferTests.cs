using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Tests.Protobuf;

public sealed class ProtobufBufferTests
{
    [Theory]
    [InlineData(0UL, new byte[] { 0x00 })]
    [InlineData(1UL, new byte[] { 0x01 })]
    [InlineData(127UL, new byte[] { 0x7F })]
    [InlineData(128UL, new byte[] { 0x80, 0x01 })]
    [InlineData(300UL, new byte[] { 0xAC, 0x02 })]
    [InlineData(0xFFFFFFFFUL, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    [InlineData(ulong.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void Writes_varints_per_the_protobuf_encoding(ulong value, byte[] expected)
    {
        var buffer = new ProtobufBuffer();

        buffer.WriteVarint(value);

        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
        Assert.Equal(expected.Length, ProtobufBuffer.VarintSize(value));
    }

    [Fact]
    public void Negative_int64_as_plain_varint_takes_ten_bytes()
    {
        var buffer = new ProtobufBuffer();

        buffer.WriteVarint(unchecked((ulong)-1L));

        Assert.Equal(10, buffer.Length);
        var reader = new ProtobufReader(buffer.WrittenSpan);
        Assert.Equal(-1L, unchecked((long)reader.ReadVarint()));
    }

    [Fact]
    public void Grows_and_keeps_earlier_bytes()
    {
        var buffer = new ProtobufBuffer(16);
        for (uint i = 0; i < 10_000; i++)
        {
            buffer.WriteVarint(i);
        }

        var reader = new ProtobufReader(buffer.WrittenSpan);
        for (uint i = 0; i < 10_000; i++)
        {
            Assert.Equal(i, reader.ReadVarint());
        }

        Assert.True(reader.IsAtEnd);
        buffer.Clear();
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void Writes_tags_strings_fixed_and_packed_fields()
    {
        var buffer = new ProtobufBuffer();
        buffer.WriteStringField(1, "道路");
        buffer.WriteTag(3, WireType.Fixed64);
        buffer.WriteFixed64(BitConverter.DoubleToUInt64Bits(2.5));
        buffer.WriteTag(2, WireType.Fixed32);
        buffer.WriteFixed32(BitConverter.SingleToUInt32Bits(-1f));
        uint[] packed = [1, 300, 0];
        buffer.WritePackedUInt32(4, packed, ProtobufBuffer.PackedPayloadSize(packed));
        buffer.WritePackedUInt32(5, [], 0);

        var reader = new ProtobufReader(buffer.WrittenSpan);
        Assert.True(reader.TryReadTag(out int field, out WireType type));
        Assert.Equal((1, WireType.LengthDelimited), (field, type));
        Assert.Equal("道路", System.Text.Encoding.UTF8.GetString(reader.ReadLengthDelimited()));
        Assert.True(reader.TryReadTag(out field, out type));
        Assert.Equal((3, WireType.Fixed64), (field, type));
        Assert.Equal(2.5, BitConverter.UInt64BitsToDouble(reader.ReadFixed64()));
        Assert.True(reader.TryReadTag(out field, out type));
        Assert.Equal((2, WireType.Fixed32), (field, type));
        Assert.Equal(-1f, BitConverter.UInt32BitsToSingle(reader.ReadFixed32()));
        Assert.True(reader.TryReadTag(out field, out type));
        Assert.Equal((4, WireType.LengthDelimited), (field, type));
        Assert.Equal([0x01, 0xAC, 0x02, 0x00], reader.ReadLengthDelimited().ToArray());
        Assert.False(reader.TryReadTag(out _, out _));
    }
}
