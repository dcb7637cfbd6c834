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
    // RFC 9110 §12.5.3: "*" stands only for codings the field does not name, so an explicit gzip;q=0 refuses
    // gzip whatever the wildcard says, in either order.
    [InlineData("gzip;q=0, *", false)]
    [InlineData("*, gzip;q=0", false)]
    [InlineData("*;q=0, gzip", true)]
    [InlineData("*;q=0", false)]
    // RFC 9110 §8.4.1.3: a recipient SHOULD treat x-gzip as gzip.
    [InlineData("x-gzip", true)]
    [InlineData("x-gzip;q=0, *", false)]
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
