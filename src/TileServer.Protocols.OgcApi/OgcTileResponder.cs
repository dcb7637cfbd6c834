namespace TileServer.Protocols.OgcApi;

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TileServer.Core.Caching;

/// <summary>Writes a tile: strong ETag (RFC 9110 §8.8.3) and 304 on a matching If-None-Match, gzip for MVT when
/// accepted (PNG is compressed already), 204 No Content for an empty tile (OGC API – Tiles §7.x, /rec/core/tc-empty).</summary>
public static class OgcTileResponder
{
    public static async Task WriteAsync(HttpContext context, TileLookup lookup, string contentType, int maxAgeSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        var content = lookup.Content;
        bool compressible = contentType == OgcMediaTypes.Mvt;
        bool gzip = compressible && !content.IsEmpty && content.Gzipped.Length > 0 && AcceptsGzip(context.Request);
        string etag = gzip ? content.GzipETag : content.ETag;
        response.Headers.CacheControl = $"public, max-age={maxAgeSeconds}";
        if (compressible)
            response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers["X-Cache"] = lookup.FromCache ? "HIT" : "MISS";
        response.Headers.ETag = etag;

        var candidates = context.Request.GetTypedHeaders().IfNoneMatch;
        if (candidates is { Count: > 0 })
        {
            var current = new EntityTagHeaderValue(etag);
            if (candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(current, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        if (content.IsEmpty)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        byte[] body = gzip ? content.Gzipped : content.Data;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        if (gzip)
            response.Headers.ContentEncoding = "gzip";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(v =>
            (v.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || v.Value.Equals("*", StringComparison.Ordinal)) && v.Quality is not 0);
}
