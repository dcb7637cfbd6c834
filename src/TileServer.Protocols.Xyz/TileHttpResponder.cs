namespace TileServer.Protocols.Xyz;

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TileServer.Core.Caching;

/// <summary>Writes a tile with HTTP caching semantics: strong ETag per representation (RFC 9110 §8.8.3),
/// 304 on a matching If-None-Match, gzip when accepted and the format gains from it, 204 for an empty
/// tile, X-Cache HIT/MISS. Images (PNG) are never gzipped: their data is deflate-compressed already.</summary>
public static class TileHttpResponder
{
    // A handful of distinct max-ages (one per layer setting): built once instead of on every hit.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> CacheControlValues = new();

    public static async Task WriteAsync(HttpContext context, TileLookup lookup, string contentType, int maxAgeSeconds, bool compressible = true)
    {
        var response = context.Response;
        var content = lookup.Content;
        bool gzip = compressible && !content.IsEmpty && content.Gzipped.Length > 0 && AcceptsGzip(context.Request);
        string etag = gzip ? content.ETag.Insert(content.ETag.Length - 1, "-gzip") : content.ETag;

        response.Headers.CacheControl = CacheControlValues.GetOrAdd(maxAgeSeconds, seconds => $"public, max-age={seconds}");
        if (compressible)
        {
            response.Headers.Vary = HeaderNames.AcceptEncoding;
        }

        response.Headers["X-Cache"] = lookup.FromCache ? "HIT" : "MISS";
        response.Headers.ETag = etag;

        if (IfNoneMatchMatches(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
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
        {
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static bool AcceptsGzip(HttpRequest request)
    {
        // The typed parse allocates; most tile clients send the header, but a missing one needs no parse.
        if (request.Headers.AcceptEncoding.Count == 0)
        {
            return false;
        }

        foreach (var value in request.GetTypedHeaders().AcceptEncoding)
        {
            if ((value.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || value.Value.Equals("*", StringComparison.Ordinal))
                && value.Quality is not 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>RFC 9110 §13.1.2: If-None-Match uses weak comparison; "*" matches any current representation.</summary>
    private static bool IfNoneMatchMatches(HttpRequest request, string etag)
    {
        if (request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        var candidates = request.GetTypedHeaders().IfNoneMatch;
        if (candidates is null || candidates.Count == 0)
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        foreach (var candidate in candidates)
        {
            if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(current, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }
}
