namespace TileServer.Tests.Http;

using System.Net;
using TileServer.Tests.Support;

/// <summary>Cross-origin reads (Fetch standard, CORS protocol; OGC API – Features 17-069r4 recommendation
/// /rec/core/cross-origin): a MapLibre or OpenLayers page served from another origin fetches TileJSON, styles,
/// tiles, WMTS capabilities and WFS features with fetch/XHR, which the browser blocks unless the response
/// carries Access-Control-Allow-Origin. No response carried it, and preflights (a WFS XML POST) answered 405.
/// The admin purge stays same-origin: its X-Api-Key header is not among the allowed request headers.</summary>
public sealed class CorsTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private const string Origin = "https://map.example.org";

    [Theory]
    [InlineData("/tiles/xzq.json")]
    [InlineData("/styles/landuse.json")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities")]
    [InlineData("/wfs?service=WFS&request=GetCapabilities")]
    [InlineData("/collections")]
    public async Task Reads_from_another_origin_are_allowed(string path)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Origin);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Tile_validators_are_exposed_to_scripts()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/xzq/0/0/0.mvt");
        request.Headers.Add("Origin", Origin);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string exposed = string.Join(',', response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("ETag", exposed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wfs_xml_post_passes_its_preflight()
    {
        using var response = await PreflightAsync("/wfs", "content-type");
        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_api_key_header_is_not_allowed_cross_origin()
    {
        using var response = await PreflightAsync("/admin/cache/purge", "x-api-key,content-type");
        bool allowsKey = response.Headers.TryGetValues("Access-Control-Allow-Headers", out var allowed)
            && allowed.Any(h => h.Contains("x-api-key", StringComparison.OrdinalIgnoreCase));
        Assert.False(allowsKey);
    }

    /// <summary>The browser's preflight before a cross-origin POST carrying <paramref name="requestHeaders"/>.</summary>
    private async Task<HttpResponseMessage> PreflightAsync(string path, string requestHeaders)
    {
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", requestHeaders);
        return await client.SendAsync(preflight);
    }
}
