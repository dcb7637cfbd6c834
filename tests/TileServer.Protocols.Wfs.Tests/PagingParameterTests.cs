namespace TileServer.Protocols.Wfs.Tests;

using System.Xml.Linq;

/// <summary>count, maxFeatures and startIndex are non-negative integers (09-025r2 §7.6.3.4, §7.6.3.5). The KVP
/// value is read as plain ASCII digits: a sign, surrounding whitespace, a fraction or a value beyond 64 bits is
/// InvalidParameterValue at that parameter. xsd:nonNegativeInteger would allow "+5", but in a query string '+'
/// decodes to a space, so a signed value cannot be told from a mangled one; refusing both is the safe reading.</summary>
public sealed class PagingParameterTests
{
    private const string Base = "?service=WFS&version=2.0.0&request=GetFeature&typeNames=gh:ghyd";

    [Theory]
    [InlineData("count", "-1")]
    [InlineData("count", "%2B5")] // "+5"
    [InlineData("count", "+5")] // decodes to " 5"
    [InlineData("count", "%205")]
    [InlineData("count", "5%20")]
    [InlineData("count", "1.0")]
    [InlineData("count", "1e3")]
    [InlineData("count", "0x10")]
    [InlineData("count", "99999999999999999999")]
    [InlineData("count", "%EF%BC%95")] // fullwidth digit five
    [InlineData("maxFeatures", "-3")]
    [InlineData("startIndex", "-1")]
    [InlineData("startIndex", "-0")]
    [InlineData("startIndex", "%2B1")]
    [InlineData("startIndex", "%201")]
    [InlineData("startIndex", "9223372036854775808")] // long.MaxValue + 1
    [InlineData("startIndex", "one")]
    public async Task Malformed_values_are_invalid_at_their_parameter(string name, string value)
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, $"{Base}&{name}={value}");
        Assert.Equal(400, status);
        var exception = XElement.Parse(body).Descendants(WfsNamespaces.Ows + "Exception").Single();
        Assert.Equal("InvalidParameterValue", (string?)exception.Attribute("exceptionCode"));
        Assert.Equal(name, (string?)exception.Attribute("locator"));
    }

    [Fact]
    public async Task Post_attributes_follow_the_same_rule()
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, "",
            "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" version=\"2.0.0\" startIndex=\"-2\"><wfs:Query typeNames=\"ghyd\"/></wfs:GetFeature>");
        Assert.Equal(400, status);
        Assert.Contains("locator=\"startIndex\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&count=007", "3")] // leading zeros are still digits
    [InlineData("&count=0", "0")]
    [InlineData("&count=99999999999", "3")] // beyond int: capped at MaxCount, not an overflow
    [InlineData("&startIndex=9223372036854775807", "0")] // long.MaxValue: past the end, no overflow in the links
    public async Task Edge_values_within_range_are_read(string query, string returned)
    {
        var (service, _) = WfsTestData.Create();
        var (status, _, body) = await WfsTestData.RunAsync(service, Base + query);
        Assert.True(status == 200, body);
        var root = XElement.Parse(body);
        Assert.Equal(returned, (string?)root.Attribute("numberReturned"));
        Assert.Null(root.Attribute("next"));
    }
}
