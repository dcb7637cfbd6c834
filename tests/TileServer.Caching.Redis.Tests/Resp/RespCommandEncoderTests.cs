namespace TileServer.Caching.Redis.Tests.Resp;

using System.Text;
using TileServer.Caching.Redis.Resp;

public sealed class RespCommandEncoderTests
{
    [Fact]
    public void A_command_is_an_array_of_bulk_strings()
    {
        byte[] payload = RespCommandEncoder.Encode(["SET", "k", new byte[] { 0, 13, 10 }, "PX", 1500]);
        byte[] expected = [.. "*5\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\n"u8, 0, 13, 10, .. "\r\n$2\r\nPX\r\n$4\r\n1500\r\n"u8];
        Assert.Equal(expected, payload);
    }

    [Fact]
    public void Lengths_with_more_digits_and_utf8_keys_are_counted_in_bytes()
    {
        byte[] value = new byte[1000];
        byte[] payload = RespCommandEncoder.Encode(["SET", "图层", value]);
        string head = Encoding.ASCII.GetString(payload, 0, 4);
        Assert.Equal("*3\r\n", head);
        Assert.True(RespParser.TryParse(payload, out RespValue? parsed, out int consumed));
        Assert.Equal(payload.Length, consumed);
        Assert.Equal("图层", parsed!.Items![1].AsText());
        Assert.Equal(1000, parsed.Items[2].Bytes!.Length);
    }
}
