namespace TileServer.Protocols.Xyz;

using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using TileServer.Core.Caching;

/// <summary>Writes a tile with HTTP caching semantics: strong ETag per representation (RFC 9110 §8.8.3),
/// 304 on a matching If-None-Match, gzip when accepted and the format gains from it, 204 for an empty
/// tile, X-Cache HIT/MISS. Images (PNG) are never gzipped: their data is deflate-compressed already.</summary>
public static class TileHttpResponder
{
    // Header values shared by every response: StringValues over a constant string is free to assign.
    private static readonly StringValues Hit = "HIT";
    private static readonly StringValues Miss = "MISS";
    private static readonly StringValues VaryAcceptEncoding = HeaderNames.AcceptEncoding;
    private static readonly StringValues GzipEncoding = "gzip";

    // A handful of distinct max-ages (one per layer setting): built once instead of on every hit.
    private static readonly ConcurrentDictionary<int, string> CacheControlValues = new();

    public static Task WriteAsync(HttpContext context, TileLookup lookup, string contentType, int maxAgeSeconds, bool compressible = true)
    {
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        var content = lookup.Content;
        bool gzip = compressible && !content.IsEmpty && content.Gzipped.Length > 0 && AcceptsGzip(request);
        string etag = gzip ? content.GzipETag : content.ETag;

        headers.CacheControl = CacheControlValues.GetOrAdd(maxAgeSeconds, seconds => $"public, max-age={seconds}");
        if (compressible)
        {
            headers.Vary = VaryAcceptEncoding;
        }

        headers["X-Cache"] = lookup.FromCache ? Hit : Miss;
        headers.ETag = etag;

        if (IfNoneMatchMatches(request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        if (content.IsEmpty)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        byte[] body = gzip ? content.Gzipped : content.Data;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        if (gzip)
        {
            headers.ContentEncoding = GzipEncoding;
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : WriteBodyAsync(response, body);
    }

    /// <summary>Copies the body into the response pipe in one piece. The headers are written first (StartAsync):
    /// memory asked for before that is a staging buffer that Kestrel copies again, block by block, once the headers
    /// are out. After it, asking for the whole length lets the pipe hand out one buffer of that size, where a stream
    /// write fills 4 KiB pool blocks one at a time (about ten per average tile); the bytes are then copied once. No
    /// cancellation token: when the client goes away Kestrel completes the flush itself, and a token costs a
    /// registration per response.</summary>
    private static async Task WriteBodyAsync(HttpResponse response, byte[] body)
    {
        await response.StartAsync().ConfigureAwait(false);
        PipeWriter writer = response.BodyWriter;
        body.CopyTo(writer.GetSpan(body.Length));
        writer.Advance(body.Length);
        await writer.FlushAsync().ConfigureAwait(false);
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
