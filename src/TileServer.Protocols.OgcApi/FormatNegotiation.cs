namespace TileServer.Protocols.OgcApi;

using Microsoft.AspNetCore.Http;
using TileServer.Core.Errors;

/// <summary>Chooses JSON or HTML: the <c>f</c> parameter wins (json, geojson, html), then the Accept header by
/// quality (Part 1 §7.8 leaves the mechanism open; both are common practice), and JSON when neither decides,
/// because non-browser clients often send no Accept header.</summary>
public static class FormatNegotiation
{
    public static OgcFormat Choose(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? f = request.Query["f"];
        if (!string.IsNullOrEmpty(f))
        {
            return f.ToLowerInvariant() switch
            {
                "json" or "geojson" => OgcFormat.Json,
                "html" => OgcFormat.Html,
                _ => throw new InvalidParameterException("f", $"unknown format '{f}' (use json or html)"),
            };
        }

        double json = 0, html = 0;
        foreach (var media in request.GetTypedHeaders().Accept)
        {
            double q = media.Quality ?? 1;
            string type = media.MediaType.Value ?? "";
            if (type.Equals(OgcMediaTypes.Html, StringComparison.OrdinalIgnoreCase))
                html = Math.Max(html, q);
            else if (type.Equals(OgcMediaTypes.Json, StringComparison.OrdinalIgnoreCase) || type.Equals(OgcMediaTypes.GeoJson, StringComparison.OrdinalIgnoreCase)
                     || type.Equals(OgcMediaTypes.JsonSchema, StringComparison.OrdinalIgnoreCase)
                     || type.StartsWith("application/vnd.oai.openapi+json", StringComparison.OrdinalIgnoreCase))
                json = Math.Max(json, q);
        }

        return html > json ? OgcFormat.Html : OgcFormat.Json;
    }
}
