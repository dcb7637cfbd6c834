namespace TileServer.Tests.Http;

using System.Net;
using System.Net.Http.Headers;
using TileServer.Core.Tiling;
using TileServer.Tests.Support;

/// <summary>What the hit path must keep while it skips work: a hit is answered with the tag of the miss that made
/// the entry, each representation has its own strong tag (RFC 9110 §8.8.3), and a conditional request on a hit
/// gives 304 for the representation it names.</summary>
public sealed class TileHitSemanticsTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static string Url(int zoom)
    {
        var tile = WebMercator.TileAt(SampleServerFixture.PingquanSeatLongitude, SampleServerFixture.PingquanSeatLatitude, zoom);
        return $"/tiles/ghyd/{tile.Zoom}/{tile.Column}/{tile.Row}.mvt";
    }

    private static HttpRequestMessage Get(string url, bool gzip, EntityTagHeaderValue? ifNoneMatch = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (gzip)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return request;
    }

    [Fact]
    public async Task A_hit_carries_the_tags_of_the_miss_that_produced_it_for_both_representations()
    {
        using var client = server.CreateClient();
        string url = Url(13);

        using var miss = await client.SendAsync(Get(url, gzip: true));
        using var gzipHit = await client.SendAsync(Get(url, gzip: true));
        using var identityHit = await client.SendAsync(Get(url, gzip: false));

        Assert.Equal("MISS", miss.Headers.GetValues("X-Cache").Single());
        Assert.Equal("HIT", gzipHit.Headers.GetValues("X-Cache").Single());
        Assert.Equal("HIT", identityHit.Headers.GetValues("X-Cache").Single());
        Assert.Equal(miss.Headers.ETag, gzipHit.Headers.ETag);
        Assert.Equal(await miss.Content.ReadAsByteArrayAsync(), await gzipHit.Content.ReadAsByteArrayAsync());
        Assert.False(identityHit.Headers.ETag!.IsWeak);
        Assert.False(gzipHit.Headers.ETag!.IsWeak);
        Assert.NotEqual(identityHit.Headers.ETag, gzipHit.Headers.ETag);
        Assert.Equal("gzip", Assert.Single(gzipHit.Content.Headers.ContentEncoding));
        Assert.Empty(identityHit.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_conditional_request_on_a_hit_gives_304_for_its_own_representation_only()
    {
        using var client = server.CreateClient();
        string url = Url(14);
        using var identity = await client.SendAsync(Get(url, gzip: false));
        using var gzipped = await client.SendAsync(Get(url, gzip: true));

        using var identityAgain = await client.SendAsync(Get(url, gzip: false, identity.Headers.ETag));
        using var gzipAgain = await client.SendAsync(Get(url, gzip: true, gzipped.Headers.ETag));
        using var crossed = await client.SendAsync(Get(url, gzip: true, identity.Headers.ETag));

        Assert.Equal(HttpStatusCode.NotModified, identityAgain.StatusCode);
        Assert.Equal("HIT", identityAgain.Headers.GetValues("X-Cache").Single());
        Assert.Equal(identity.Headers.ETag, identityAgain.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, gzipAgain.StatusCode);
        Assert.Equal(gzipped.Headers.ETag, gzipAgain.Headers.ETag);
        Assert.Empty(await gzipAgain.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, crossed.StatusCode);
        Assert.NotEmpty(await crossed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_head_on_a_hit_gives_the_length_without_a_body_and_every_caching_header()
    {
        using var client = server.CreateClient();
        string url = Url(15);
        byte[] body = await client.GetByteArrayAsync(url);

        using var head = await client.SendAsync(Get(url, gzip: false, method: HttpMethod.Head));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("HIT", head.Headers.GetValues("X-Cache").Single());
        Assert.Contains("Accept-Encoding", head.Headers.Vary);
        Assert.NotNull(head.Headers.CacheControl?.MaxAge);
        Assert.NotNull(head.Headers.ETag);
    }
}
