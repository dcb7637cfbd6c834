namespace TileServer.Caching.Redis.Tests.Resp;

using System.Text;
using TileServer.Caching.Redis.Resp;

public sealed class RespParserTests
{
    [Fact]
    public void Simple_string_error_and_integer_lines()
    {
        Assert.Equal("OK", Parse("+OK\r\n").AsText());
        RespValue error = Parse("-WRONGTYPE Operation against a key\r\n");
        Assert.Equal(RespKind.Error, error.Kind);
        Assert.Equal("WRONGTYPE Operation against a key", error.AsText());
        Assert.Equal(1000, Parse(":1000\r\n").Integer);
        Assert.Equal(-42, Parse(":-42\r\n").Integer);
        Assert.Equal(long.MaxValue, Parse($":{long.MaxValue}\r\n").Integer);
    }

    [Fact]
    public void Bulk_strings_are_binary_safe_and_null_is_distinct_from_empty()
    {
        byte[] withCrLf = [0, 13, 10, 255, 36, 42];
        byte[] wire = [.. "$6\r\n"u8, .. withCrLf, .. "\r\n"u8];
        Assert.True(RespParser.TryParse(wire, out RespValue? value, out int consumed));
        Assert.Equal(wire.Length, consumed);
        Assert.Equal(withCrLf, value!.Bytes);

        RespValue empty = Parse("$0\r\n\r\n");
        Assert.False(empty.IsNull);
        Assert.Empty(empty.Bytes!);

        RespValue nullBulk = Parse("$-1\r\n");
        Assert.True(nullBulk.IsNull);
        Assert.Null(nullBulk.Bytes);
    }

    [Fact]
    public void Arrays_empty_null_and_nested()
    {
        Assert.Empty(Parse("*0\r\n").Items!);
        Assert.True(Parse("*-1\r\n").IsNull);

        RespValue nested = Parse("*3\r\n:1\r\n*2\r\n$3\r\nfoo\r\n-ERR inner\r\n$-1\r\n");
        Assert.Equal(3, nested.Items!.Count);
        Assert.Equal(1, nested.Items[0].Integer);
        Assert.Equal("foo", nested.Items[1].Items![0].AsText());
        Assert.Equal(RespKind.Error, nested.Items[1].Items![1].Kind);
        Assert.True(nested.Items[2].IsNull);
    }

    [Fact]
    public void A_reply_split_at_every_position_is_parsed_only_when_complete()
    {
        byte[] wire = Encoding.ASCII.GetBytes("*2\r\n$5\r\nhello\r\n*2\r\n:7\r\n+PONG\r\n");
        for (int cut = 0; cut < wire.Length; cut++)
        {
            Assert.False(RespParser.TryParse(wire.AsSpan(0, cut), out RespValue? partial, out int consumed), $"cut at {cut}");
            Assert.Null(partial);
            Assert.Equal(0, consumed);
        }

        Assert.True(RespParser.TryParse(wire, out RespValue? whole, out int all));
        Assert.Equal(wire.Length, all);
        Assert.Equal("PONG", whole!.Items![1].Items![1].AsText());
    }

    [Fact]
    public void Several_replies_in_one_read_are_consumed_one_at_a_time()
    {
        byte[] wire = Encoding.ASCII.GetBytes("+OK\r\n:5\r\n$3\r\nabc\r\n+PART");
        var replies = new List<RespValue>();
        int offset = 0;
        while (RespParser.TryParse(wire.AsSpan(offset), out RespValue? value, out int consumed))
        {
            replies.Add(value!);
            offset += consumed;
        }

        Assert.Equal(["+OK", ":5", "$3"], replies.Select(r => r.ToString()));
        Assert.Equal("+PART", Encoding.ASCII.GetString(wire, offset, wire.Length - offset));
    }

    [Theory]
    [InlineData("!oops\r\n")]          // unknown type byte
    [InlineData("%1\r\n")]             // RESP3 map: never requested
    [InlineData(":12a\r\n")]           // not an integer
    [InlineData(":\r\n")]              // empty integer
    [InlineData("$3\r\nabcd\r\n")]     // bulk payload longer than announced
    [InlineData("$-2\r\n")]            // negative length other than -1
    [InlineData("*-5\r\n")]
    [InlineData("+OK\rX")]             // CR without LF
    public void Malformed_input_is_a_protocol_error(string wire)
    {
        Assert.Throws<RespProtocolException>(() => RespParser.TryParse(Encoding.ASCII.GetBytes(wire), out _, out _));
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_a_protocol_error()
    {
        string wire = string.Concat(Enumerable.Repeat("*1\r\n", RespParser.MaxDepth + 1)) + ":1\r\n";
        Assert.Throws<RespProtocolException>(() => RespParser.TryParse(Encoding.ASCII.GetBytes(wire), out _, out _));
    }

    private static RespValue Parse(string wire)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(wire);
        Assert.True(RespParser.TryParse(bytes, out RespValue? value, out int consumed));
        Assert.Equal(bytes.Length, consumed);
        return value!;
    }
}
