namespace TileServer.Http.Tests;

using Microsoft.AspNetCore.Http;
using TileServer.Core.Caching;

public sealed class TileResponseWriterTests
{
    private static readonly TileContent Tile = new([1, 2, 3, 4, 5], [9, 9, 9], "\"t1\"");

    [Fact]
    public async Task A_client_accepting_gzip_gets_the_gzip_bytes_with_their_own_tag()
    {
        var (context, body) = Context("GET", acceptEncoding: "gzip, br");

        await TileResponseWriter.WriteAsync(context, Tile, fromCache: true, "application/vnd.mapbox-vector-tile", 600, compressible: true);

        var response = context.Response;
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("gzip", response.Headers.ContentEncoding.ToString());
        Assert.Equal("\"t1-gzip\"", response.Headers.ETag.ToString());
        Assert.Equal("Accept-Encoding", response.Headers.Vary.ToString());
        Assert.Equal("HIT", response.Headers["X-Cache"].ToString());
        Assert.Equal("public, max-age=600", response.Headers.CacheControl.ToString());
        Assert.Equal("application/vnd.mapbox-vector-tile", response.ContentType);
        Assert.Equal(3, response.ContentLength);
        Assert.Equal(Tile.Gzipped, body.ToArray());
    }

    [Fact]
    public async Task An_image_is_sent_as_is_even_to_a_gzip_client()
    {
        var (context, body) = Context("GET", acceptEncoding: "gzip");

        await TileResponseWriter.WriteAsync(context, Tile, fromCache: false, "image/png", 60, compressible: false);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Headers.ContentEncoding.Count);
        Assert.Equal(0, context.Response.Headers.Vary.Count);
        Assert.Equal("\"t1\"", context.Response.Headers.ETag.ToString());
        Assert.Equal("MISS", context.Response.Headers["X-Cache"].ToString());
        Assert.Equal(Tile.Data, body.ToArray());
    }

    [Fact]
    public async Task A_matching_if_none_match_gets_304_without_a_body()
    {
        var (context, body) = Context("GET", acceptEncoding: "gzip", ifNoneMatch: "\"t1-gzip\"");

        await TileResponseWriter.WriteAsync(context, Tile, fromCache: true, "application/vnd.mapbox-vector-tile", 60, compressible: true);

        Assert.Equal(304, context.Response.StatusCode);
        Assert.Equal("\"t1-gzip\"", context.Response.Headers.ETag.ToString());
        Assert.Equal(0, body.Length);
    }

    [Fact]
    public async Task The_identity_tag_does_not_validate_the_gzip_representation()
    {
        var (context, body) = Context("GET", acceptEncoding: "gzip", ifNoneMatch: "\"t1\"");

        await TileResponseWriter.WriteAsync(context, Tile, fromCache: true, "application/vnd.mapbox-vector-tile", 60, compressible: true);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(Tile.Gzipped, body.ToArray());
    }

    [Fact]
    public async Task An_empty_tile_is_204_and_head_sends_headers_only()
    {
        var (empty, emptyBody) = Context("GET");
        await TileResponseWriter.WriteAsync(empty, new TileContent([], [], "\"e\""), fromCache: false, "application/vnd.mapbox-vector-tile", 60, compressible: true);
        Assert.Equal(204, empty.Response.StatusCode);
        Assert.Equal(0, emptyBody.Length);

        var (head, headBody) = Context("HEAD");
        await TileResponseWriter.WriteAsync(head, Tile, fromCache: false, "application/vnd.mapbox-vector-tile", 60, compressible: true);
        Assert.Equal(200, head.Response.StatusCode);
        Assert.Equal(5, head.Response.ContentLength);
        Assert.Equal(0, headBody.Length);
    }

    private static (HttpContext Context, MemoryStream Body) Context(string method, string? acceptEncoding = null, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (acceptEncoding is not null)
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        if (ifNoneMatch is not null)
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        var body = new MemoryStream();
        context.Response.Body = body;
        return (context, body);
    }
}
