namespace TileServer.Protocols.Xyz.Tests;

using TileServer.Core.Tiling;
using TileServer.Protocols.Xyz;

public sealed class TileRequestParserTests
{
    [Theory]
    [InlineData("0", "0", "0", 0, 0, 0)]
    [InlineData("12", "3370", "1541", 12, 3370, 1541)]
    [InlineData("30", "1073741823", "0", 30, 1073741823, 0)]
    public void Valid_coordinates_parse(string z, string x, string y, int ez, int ex, int ey)
    {
        Assert.True(TileRequestParser.TryParseTile(z, x, y, out var tile, out var error));
        Assert.Null(error);
        Assert.Equal(new TileCoordinate(ez, ex, ey), tile);
    }

    [Theory]
    [InlineData("", "0", "0")]
    [InlineData("+1", "0", "0")]
    [InlineData("1", "2", "0")]
    [InlineData("1", "0", "2")]
    [InlineData("1", "0x1", "0")]
    [InlineData("99999999999", "0", "0")]
    [InlineData("1", " 1", "0")]
    public void Malformed_or_out_of_range_coordinates_fail(string z, string x, string y)
    {
        Assert.False(TileRequestParser.TryParseTile(z, x, y, out _, out var error));
        Assert.NotNull(error);
    }
}
