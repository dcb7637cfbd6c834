namespace TileServer.Tests.Http;

using System.Text.Json;
using TileServer.Tests.Support;

/// <summary>Behind a TLS-terminating reverse proxy (nginx with <c>proxy_set_header Host $host</c> and
/// <c>X-Forwarded-Proto $scheme</c>) every self link — TileJSON tiles, WMTS ResourceURL templates, WFS next
/// links — must name the public scheme, or browsers block the http:// URLs on an https:// page (mixed
/// content). ASP.NET Core's ASPNETCORE_FORWARDEDHEADERS_ENABLED switch (documented in README.md) applies
/// X-Forwarded-Proto; without it the header is ignored, so a client cannot rewrite the links by itself.</summary>
public sealed class ReverseProxyUrlTests
{
    [Fact]
    public async Task Forwarded_proto_reaches_the_self_links_when_enabled()
    {
        using var factory = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
            ["FORWARDEDHEADERS_ENABLED"] = "true",
        });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/xzq.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "plan.example.org";
        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://plan.example.org/tiles/xzq/{z}/{x}/{y}.mvt", json.RootElement.GetProperty("tiles")[0].GetString());

        using var wmts = new HttpRequestMessage(HttpMethod.Get, "/wmts/1.0.0/WMTSCapabilities.xml");
        wmts.Headers.Add("X-Forwarded-Proto", "https");
        wmts.Headers.Host = "plan.example.org";
        using var capabilities = await client.SendAsync(wmts);
        string xml = await capabilities.Content.ReadAsStringAsync();
        Assert.Contains("template=\"https://plan.example.org/wmts/1.0.0/xzq/", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("http://plan.example.org", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_proto_is_ignored_by_default()
    {
        using var factory = SampleServerFixture.Create(new Dictionary<string, string?>
        {
            ["TileServer:Sources:sample:Path"] = SharedSample.GeoPackagePath,
            ["TileServer:Sources:sample:GenerateSampleIfMissing"] = "false",
            ["TILESERVER_POSTGIS"] = "",
            ["TILESERVER_REDIS"] = "",
        });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/tiles/xzq.json");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("http://", json.RootElement.GetProperty("tiles")[0].GetString(), StringComparison.Ordinal);
    }
}
