namespace TileServer.Tests.Http;

using System.IO.Compression;
using System.Net;
using TileServer.Tests.Support;

/// <summary>RFC 9110 §8.4 / §12.5.3: a client sending Accept-Encoding: gzip may be answered gzip. Only tiles were:
/// the 130 kB WMTS capabilities, WFS GML and GeoJSON pages, styles and the OpenAPI document went out
/// uncompressed (GeoServer gzips them by default). The decoded body must equal the identity body, responses
/// vary on Accept-Encoding, and PNG (already deflated) is left alone.</summary>
public sealed class TextCompressionTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    [Theory]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities")]
    [InlineData("/wfs?service=WFS&request=GetCapabilities")]
    [InlineData("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq&count=2&sortBy=xzqdm")]
    [InlineData("/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:xzq&count=2&sortBy=xzqdm&outputFormat=application/json")]
    [InlineData("/styles/landuse.json")]
    [InlineData("/api")]
    public async Task Text_resources_are_gzipped_when_accepted(string path)
    {
        using var client = server.CreateClient();
        using var identity = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
        byte[] plain = await identity.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Encoding", "gzip");
        using var gzipped = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, gzipped.StatusCode);
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", gzipped.Headers.Vary);
        byte[] compressed = await gzipped.Content.ReadAsByteArrayAsync();
        using var inflate = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await inflate.CopyToAsync(decoded);
        Assert.True(compressed.Length < plain.Length, $"{compressed.Length} bytes gzipped, {plain.Length} plain");
        // WFS writes a timeStamp, so compare without it.
        Assert.Equal(WithoutTimeStamp(plain), WithoutTimeStamp(decoded.ToArray()));
    }

    /// <summary>RFC 9110 §12.5.3: "*" covers only the codings the field leaves unnamed, so gzip;q=0 beside it
    /// refuses gzip; the framework's middleware let the wildcard win. Tiles and text must agree.</summary>
    [Theory]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities", "gzip;q=0, *")]
    [InlineData("/styles/landuse.json", "*, gzip;q=0")]
    [InlineData("/tiles/xzq/0/0/0.mvt", "gzip;q=0, *")]
    public async Task An_explicit_gzip_q0_beats_the_wildcard(string path, string acceptEncoding)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Png_tiles_are_not_gzipped()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/xzq/0/0/0.png");
        request.Headers.Add("Accept-Encoding", "gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    // Matches the attribute (timeStamp="…") and the JSON member ("timeStamp": "…") with their whole value; the
    // earlier pattern stopped at the value's opening quote and so failed whenever the two requests straddled a second.
    private static string WithoutTimeStamp(byte[] body) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.Encoding.UTF8.GetString(body), "timeStamp\"?\\s*[=:]\\s*\"[^\"]*\"", "timeStamp");
}
