using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Tests.Protobuf;

public sealed class ProtobufReaderTests
{
    [Fact]
    public void Truncated_varint_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => new ProtobufReader([0x80, 0x80]).ReadVarint());
    }

    [Fact]
    public void Varint_overflowing_64_bits_is_a_format_error()
    {
        byte[] elevenBytes = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02];

        Assert.Throws<FormatException>(() => new ProtobufReader(elevenBytes).ReadVarint());
    }

    [Fact]
    public void Length_past_the_end_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => new ProtobufReader([0x05, 0x01, 0x02]).ReadLengthDelimited());
    }

    [Fact]
    public void Skips_every_supported_wire_type()
    {
        byte[] data = [0x08, 0x96, 0x01, 0x11, 1, 2, 3, 4, 5, 6, 7, 8, 0x1A, 0x02, 9, 9, 0x25, 1, 2, 3, 4, 0x28, 0x07];
        var reader = new ProtobufReader(data);

        for (int expectedField = 1; expectedField <= 4; expectedField++)
        {
            Assert.True(reader.TryReadTag(out int field, out WireType type));
            Assert.Equal(expectedField, field);
            reader.Skip(type);
        }

        Assert.True(reader.TryReadTag(out int last, out _));
        Assert.Equal(5, last);
        Assert.Equal(7UL, reader.ReadVarint());
        Assert.True(reader.IsAtEnd);
    }

    [Fact]
    public void Group_wire_types_are_rejected()
    {
        var reader = new ProtobufReader([0x0B]);
        Assert.True(reader.TryReadTag(out _, out WireType type));

        try
        {
            reader.Skip(type);
            Assert.Fail("Skipping a group must fail.");
        }
        catch (FormatException)
        {
        }
    }
}
