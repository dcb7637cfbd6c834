namespace TileServer.Protocols.Wfs.Tests;

using System.Xml.Linq;

/// <summary>An XML POST is read up to 1 MiB whether or not it declares its length: a chunked body has no
/// Content-Length for the up-front check, so the bound is applied while reading.</summary>
public sealed class PostBodyLimitTests
{
    private static string GetFeature(int padding) =>
        "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" resultType=\"hits\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">" +
        $"<!--{new string('x', padding)}--><wfs:Query typeNames=\"ghyd\"/></wfs:GetFeature>";

    [Fact]
    public async Task A_body_without_a_length_over_one_mebibyte_is_an_operation_parsing_failure()
    {
        var (service, _) = WfsTestData.Create();

        var (status, _, body) = await WfsTestData.RunAsync(service, "", GetFeature(2 * 1024 * 1024));

        Assert.Equal(400, status);
        var exception = XElement.Parse(body).Descendants(WfsNamespaces.Ows + "Exception").Single();
        Assert.Equal("OperationParsingFailed", (string?)exception.Attribute("exceptionCode"));
        Assert.Contains("exceeds 1 MiB", exception.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_under_the_limit_is_answered()
    {
        var (service, _) = WfsTestData.Create();

        var (status, _, body) = await WfsTestData.RunAsync(service, "", GetFeature(512 * 1024));

        Assert.True(status == 200, body[..Math.Min(body.Length, 400)]);
        Assert.NotNull(XElement.Parse(body).Attribute("numberMatched"));
    }
}
