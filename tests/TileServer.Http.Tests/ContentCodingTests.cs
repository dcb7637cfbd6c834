namespace TileServer.Http.Tests;

using Microsoft.AspNetCore.Http;

public sealed class ContentCodingTests
{
    [Theory]
    [InlineData("gzip", true)]
    [InlineData("GZIP", true)]
    [InlineData("br, gzip;q=0.5", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("br, deflate", false)]
    [InlineData("identity", false)]
    public void Gzip_is_accepted_by_name_or_wildcard_with_a_positive_quality(string header, bool accepted)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = header;

        Assert.Equal(accepted, ContentCoding.AcceptsGzip(context.Request));
    }

    [Fact]
    public void No_accept_encoding_header_means_identity()
    {
        Assert.False(ContentCoding.AcceptsGzip(new DefaultHttpContext().Request));
    }
}
