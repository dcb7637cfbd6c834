namespace TileServer.Http;

using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

/// <summary>gzip (RFC 9110 §8.4.1.3) for the text documents: capabilities, GML and GeoJSON feature pages,
/// styles, TileJSON, the OpenAPI document, HTML and CSV. XML and JSON shrink five- to tenfold, and a WMTS
/// capabilities document is about 130 kB. Tiles are not listed: the tile writer already serves a stored
/// gzip copy of each MVT (with its own ETag per representation), and PNG is deflated already. The text
/// responses carry no ETag, so one coding per response needs no separate validator. Fastest level: these
/// responses are generated per request, and the CPU is shared with rendering.</summary>
public static class CompressionRegistration
{
    private static readonly string[] TextTypes =
    [
        "text/xml", "application/xml", "application/gml+xml", "application/vnd.ogc.gml", "text/html", "text/csv", "text/plain",
        "application/json", "application/geo+json", "application/problem+json", "application/schema+json",
        "application/vnd.oai.openapi+json",
    ];

    public static IServiceCollection AddTextCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = TextTypes;
        });
        // Replaces the provider AddResponseCompression registered, so a client refusing gzip gets none for text either.
        services.AddSingleton<IResponseCompressionProvider>(provider => new GzipNegotiatingCompressionProvider(
            new ResponseCompressionProvider(provider, provider.GetRequiredService<IOptions<ResponseCompressionOptions>>())));
        return services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
    }
}
