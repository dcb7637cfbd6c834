namespace TileServer.Sources.PostGis.Tests.Import;

using TileServer.Sources.PostGis.Import;

public sealed class CopyBinaryBufferTests
{
    [Fact]
    public void Header_tuple_and_trailer_follow_the_binary_copy_layout_in_network_byte_order()
    {
        using var buffer = new CopyBinaryBuffer(4);

        buffer.WriteHeader();
        buffer.StartTuple(5);
        buffer.WriteInt64(-2);
        buffer.WriteDouble(1.5);
        buffer.WriteText("平泉");
        buffer.WriteNull();
        buffer.WriteBytes([0x01, 0x06]);
        buffer.WriteTrailer();

        byte[] expected =
        [
            0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00, // PGCOPY\n\377\r\n\0
            0, 0, 0, 0, 0, 0, 0, 0, // flags, header extension length
            0, 5, // field count
            0, 0, 0, 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, // int8 -2
            0, 0, 0, 8, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0, // float8 1.5
            0, 0, 0, 6, 0xE5, 0xB9, 0xB3, 0xE6, 0xB3, 0x89, // text, UTF-8
            0xFF, 0xFF, 0xFF, 0xFF, // NULL
            0, 0, 0, 2, 0x01, 0x06, // bytes
            0xFF, 0xFF, // trailer
        ];
        Assert.Equal(expected, buffer.Written.ToArray());
    }

    [Fact]
    public void A_value_larger_than_the_buffer_grows_it_and_clear_starts_over()
    {
        using var buffer = new CopyBinaryBuffer(16);
        var large = new byte[100_000];
        large[^1] = 7;

        buffer.WriteBytes(large);
        Assert.Equal(100_004, buffer.Length);
        Assert.Equal(7, buffer.Written.Span[^1]);

        buffer.Clear();
        buffer.WriteText("");
        Assert.Equal([0, 0, 0, 0], buffer.Written.ToArray());
    }

    [Fact]
    public void A_single_part_is_wrapped_as_a_one_part_multi_of_the_given_type()
    {
        using var buffer = new CopyBinaryBuffer(4);
        byte[] part = [0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]; // an empty polygon

        buffer.WriteWrappedInMulti(part, 6);

        byte[] expected =
        [
            0, 0, 0, 18, // value length: 9-byte multi header + the part
            0x01, 0x06, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, // little-endian MultiPolygon of 1 part
            .. part,
        ];
        Assert.Equal(expected, buffer.Written.ToArray());
    }
}
