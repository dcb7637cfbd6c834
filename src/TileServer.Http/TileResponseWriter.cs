namespace TileServer.Http;

using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using TileServer.Core.Caching;

/// <summary>Writes a tile with HTTP caching semantics, the same for every protocol that serves tiles (XYZ, WMTS,
/// OGC API – Tiles): a strong ETag per representation (RFC 9110 §8.8.3), 304 on a matching If-None-Match
/// (§13.1.2), gzip when the client accepts it and the format gains from it, 204 No Content for an empty tile,
/// Cache-Control and X-Cache HIT/MISS. Images (PNG) are never gzipped: their data is deflate-compressed already.
/// A protocol that must answer an empty tile with a body (WMTS's transparent PNG) passes that body as the
/// content instead.</summary>
public static class TileResponseWriter
{
    // Header values shared by every response: StringValues over a constant string is free to assign.
    private static readonly StringValues Hit = "HIT";
    private static readonly StringValues Miss = "MISS";
    private static readonly StringValues VaryAcceptEncoding = HeaderNames.AcceptEncoding;
    private static readonly StringValues GzipEncoding = "gzip";

    // A handful of distinct max-ages (one per layer setting): built once instead of on every hit.
    private static readonly ConcurrentDictionary<int, string> CacheControlValues = new();

    public static Task WriteAsync(HttpContext context, TileContent content, bool fromCache, string contentType, int maxAgeSeconds, bool compressible)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(content);
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        bool gzip = compressible && !content.IsEmpty && content.Gzipped.Length > 0 && ContentCoding.AcceptsGzip(request);
        string etag = gzip ? content.GzipETag : content.ETag;

        headers.CacheControl = CacheControlValues.GetOrAdd(maxAgeSeconds, seconds => $"public, max-age={seconds}");
        if (compressible)
        {
            headers.Vary = VaryAcceptEncoding;
        }

        headers["X-Cache"] = fromCache ? Hit : Miss;
        headers.ETag = etag;

        if (ConditionalRequest.IfNoneMatchMatches(request, etag))
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
}
