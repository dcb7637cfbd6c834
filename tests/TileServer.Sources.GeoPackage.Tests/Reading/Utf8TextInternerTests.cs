namespace TileServer.Sources.GeoPackage.Tests.Reading;

using System.Text;
using TileServer.Sources.GeoPackage.Reading;

public sealed class Utf8TextInternerTests
{
    [Fact]
    public void Equal_bytes_give_one_string_and_different_bytes_different_strings()
    {
        var interner = new Utf8TextInterner();

        var first = interner.Get("0101"u8);
        var again = interner.Get(Encoding.UTF8.GetBytes("0101"));
        var other = interner.Get("010101"u8);

        Assert.Equal("0101", first);
        Assert.Same(first, again);
        Assert.Equal("010101", other);
        Assert.Equal(string.Empty, interner.Get([]));
    }

    [Fact]
    public void Text_decodes_as_the_utf8_decoder_does_even_when_not_well_formed()
    {
        var interner = new Utf8TextInterner();
        byte[] broken = [0x41, 0xFF, 0x42, 0xC3];

        Assert.Equal(Encoding.UTF8.GetString(broken), interner.Get(broken));
        Assert.Equal("城镇集中建设区", interner.Get(Encoding.UTF8.GetBytes("城镇集中建设区")));
    }

    [Fact]
    public void More_distinct_values_than_the_capacity_still_read_correctly()
    {
        var interner = new Utf8TextInterner();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < Utf8TextInterner.Capacity * 3; i++)
                Assert.Equal($"bsm{i}", interner.Get(Encoding.UTF8.GetBytes($"bsm{i}")));
        }

        // After starting over, values are shared again.
        Assert.Same(interner.Get("ghyd"u8), interner.Get("ghyd"u8));
    }
}
