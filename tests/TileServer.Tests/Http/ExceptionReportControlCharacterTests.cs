namespace TileServer.Tests.Http;

using System.Net;
using System.Xml.Linq;
using TileServer.Tests.Support;

/// <summary>Bad values are echoed in OWS ExceptionText (06-121r3 §8), but XML 1.0 §2.2 cannot carry control
/// characters (U+0000–U+001F except tab, CR, LF), lone surrogates or U+FFFE/U+FFFF: the XML writer threw and a
/// request with <c>LAYER=a%01b</c> was a 500 problem+json instead of a 400 ExceptionReport. They are now
/// written as \uXXXX, so the report stays well-formed and still says which value was refused.</summary>
public sealed class ExceptionReportControlCharacterTests(SampleServerFixture server) : IClassFixture<SampleServerFixture>
{
    private static readonly XNamespace Ows = "http://www.opengis.net/ows/1.1";

    [Theory]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=a%01b&STYLE=s&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=1&TILEROW=0&TILECOL=0", "InvalidParameterValue", "a\\u0001b")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=a%00b&STYLE=s&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=1&TILEROW=0&TILECOL=0", "InvalidParameterValue", "a\\u0000b")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=a%EF%BF%BFb&STYLE=s&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=1&TILEROW=0&TILECOL=0", "InvalidParameterValue", "a\\uFFFFb")]
    [InlineData("/wmts?SERVICE=%01&REQUEST=GetCapabilities", "InvalidParameterValue", "\\u0001")]
    [InlineData("/wmts?SERVICE=WMTS&REQUEST=Get%1FTile", "OperationNotSupported", "Get\\u001FTile")]
    [InlineData("/wmts/1.0.0/a%01b/landuse/WebMercatorQuad/1/0/0.png", "InvalidParameterValue", "a\\u0001b")]
    [InlineData("/wmts/1.0.0/ghyd/landuse/WebMercatorQuad/12/1500/3400/0/0.x%02", "InvalidParameterValue", "x\\u0002")]
    [InlineData("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=a%01b", "InvalidParameterValue", "a\\u0001b")]
    [InlineData("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gh:xzq&SORTBY=a%01", "InvalidParameterValue", "a\\u0001")]
    public async Task Control_characters_in_a_refused_value_give_a_well_formed_400_report(string path, string code, string echoed)
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotImplemented, $"{response.StatusCode}: {body}");
        Assert.StartsWith("application/xml", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var exception = XElement.Parse(body).Element(Ows + "Exception")!;
        Assert.Equal(code, exception.Attribute("exceptionCode")!.Value);
        Assert.Contains(echoed, exception.Element(Ows + "ExceptionText")!.Value, StringComparison.Ordinal);
    }
}
