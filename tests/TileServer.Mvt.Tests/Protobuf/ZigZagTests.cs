using TileServer.Mvt.Protobuf;

namespace TileServer.Mvt.Tests.Protobuf;

public sealed class ZigZagTests
{
    [Theory]
    [InlineData(0, 0u)]
    [InlineData(-1, 1u)]
    [InlineData(1, 2u)]
    [InlineData(-2, 3u)]
    [InlineData(25, 50u)]
    [InlineData(int.MaxValue, 0xFFFFFFFEu)]
    [InlineData(int.MinValue, 0xFFFFFFFFu)]
    public void Encodes_and_decodes_32_bit(int value, uint encoded)
    {
        Assert.Equal(encoded, ZigZag.Encode(value));
        Assert.Equal(value, ZigZag.Decode(encoded));
    }

    [Theory]
    [InlineData(0L, 0UL)]
    [InlineData(-1L, 1UL)]
    [InlineData(2147483648L, 4294967296UL)]
    [InlineData(-2147483649L, 4294967297UL)]
    [InlineData(long.MaxValue, 0xFFFFFFFFFFFFFFFEUL)]
    [InlineData(long.MinValue, 0xFFFFFFFFFFFFFFFFUL)]
    public void Encodes_and_decodes_64_bit(long value, ulong encoded)
    {
        Assert.Equal(encoded, ZigZag.Encode(value));
        Assert.Equal(value, ZigZag.Decode(encoded));
    }
}
