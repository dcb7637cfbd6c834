namespace TileServer.Tests.Http;

using System.Net;
using TileServer.Tests.Support;

/// <summary>RFC 9110 §9.1: every general-purpose server MUST support HEAD wherever it supports GET, and §9.3.2
/// says HEAD answers with the headers GET would send. Link checkers, caches and QGIS probe resources with HEAD;
/// the style, legend, health, indicator and viewer resources answered 405, and /tiles/{layers}.json fell
/// through to the OGC API tileset route and answered 404.</summary>
public sealed class HeadMethodTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    [Theory]
    [InlineData("/tiles/xzq.json")]
    [InlineData("/tiles/yjjbnt,stbhhx,czkfbj.json")]
    [InlineData("/styles")]
    [InlineData("/styles/landuse.json")]
    [InlineData("/styles/landuse/legend.png")]
    [InlineData("/styles/landuse/legend.json")]
    [InlineData("/health")]
    [InlineData("/viewer/config.json")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities")]
    [InlineData("/wfs?service=WFS&request=GetCapabilities")]
    public async Task Head_answers_like_get(string path)
    {
        using var client = server.CreateClient();
        using var get = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        // Kestrel drops the body of a HEAD response itself; the in-memory TestServer does not, so only the
        // status and headers are compared here.
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_on_the_indicators_answers_like_get()
    {
        using var client = server.CreateClient();
        using var get = await client.GetAsync("/indicators?f=json");
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/indicators?f=json"));
        // Before the first computation both are 503 (docs/planning.md); never 405.
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }
}
