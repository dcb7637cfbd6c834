namespace TileServer.Caching.Tests;

using TileServer.Core.Caching;

public sealed class TileEnvelopeTests
{
    [Fact]
    public void Round_trips_data_gzip_and_etag()
    {
        var content = new TileContent([1, 2, 3], [9, 8], "\"abc\"");

        byte[] envelope = TileEnvelope.Encode(content);

        Assert.True(TileEnvelope.TryDecode(envelope, out TileContent decoded));
        Assert.Equal(content.Data, decoded.Data);
        Assert.Equal(content.Gzipped, decoded.Gzipped);
        Assert.Equal(content.ETag, decoded.ETag);
        Assert.Equal(2 + 12 + 5 + 3 + 2, envelope.Length);
    }

    [Fact]
    public void An_empty_tile_round_trips()
    {
        Assert.True(TileEnvelope.TryDecode(TileEnvelope.Encode(new TileContent([], [], "\"e\"")), out TileContent decoded));
        Assert.True(decoded.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'X', 1 })]
    [InlineData(new byte[] { (byte)'T', 1, 200, 0, 0, 0 })]
    [InlineData(new byte[] { (byte)'T', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7 })]
    public void Foreign_or_truncated_values_are_not_decoded(byte[] value) =>
        Assert.False(TileEnvelope.TryDecode(value, out _));
}
