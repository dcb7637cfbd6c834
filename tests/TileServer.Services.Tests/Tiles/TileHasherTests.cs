namespace TileServer.Services.Tests.Tiles;

using System.IO.Compression;
using TileServer.Services.Tiles;

public sealed class TileHasherTests
{
    private static byte[] Inflate(byte[] gzipped)
    {
        using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);
        return inflated.ToArray();
    }

    [Fact]
    public void The_gzip_copy_inflates_to_the_tile_and_has_its_own_strong_tag()
    {
        byte[] data = [.. Enumerable.Range(0, 20_000).Select(i => (byte)(i % 7 * 31 + i / 1000))];

        var content = TileHasher.Finish(data);

        Assert.Equal(data, Inflate(content.Gzipped));
        Assert.True(content.Gzipped.Length < data.Length / 2);
        Assert.Matches("^\"[0-9a-f]{24}\"$", content.ETag);
        Assert.Equal(content.ETag[..^1] + "-gzip\"", content.GzipETag);
        Assert.NotEqual(content.ETag, content.GzipETag);
    }

    [Fact]
    public void Incompressible_bytes_larger_than_the_pool_guess_still_round_trip()
    {
        byte[] data = new byte[300_001];
        new Random(7).NextBytes(data);

        var content = TileHasher.Finish(data, gzipLevel: 9);

        Assert.Equal(data, Inflate(content.Gzipped));
    }

    [Fact]
    public void The_tag_names_the_bytes_whatever_the_gzip_level()
    {
        byte[] data = [.. Enumerable.Range(0, 5_000).Select(i => (byte)(i * 13))];
        byte[] other = [.. data];
        other[^1] ^= 1;

        Assert.Equal(TileHasher.Finish(data, 1).ETag, TileHasher.Finish(data, 6).ETag);
        Assert.NotEqual(TileHasher.Finish(data).ETag, TileHasher.Finish(other).ETag);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(42)]
    public void A_level_outside_zlib_range_is_clamped_instead_of_failing(int level)
    {
        byte[] data = [.. Enumerable.Range(0, 3_000).Select(i => (byte)(i % 11))];

        Assert.Equal(data, Inflate(TileHasher.Finish(data, level).Gzipped));
    }

    [Fact]
    public void An_empty_tile_has_no_gzip_copy_and_a_fixed_tag()
    {
        var content = TileHasher.Finish([]);

        Assert.True(content.IsEmpty);
        Assert.Empty(content.Gzipped);
        Assert.Equal("\"empty\"", content.ETag);
    }
}
