namespace TileServer.Protocols.Wmts;

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TileServer.Core.Caching;

/// <summary>Writes a GetTile answer with HTTP caching (strong ETag, RFC 9110 §8.8.3; 304 on If-None-Match,
/// §13.1.2), never gzipped: PNG data is deflated already.</summary>
public static class WmtsTileResponder
{
    public const string PngContentType = "image/png";

    public static async Task WriteAsync(HttpContext context, TileLookup lookup, int maxAgeSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        bool empty = lookup.Content.IsEmpty;
        byte[] body = empty ? WmtsEmptyTile.Png : lookup.Content.Data;
        string etag = empty ? WmtsEmptyTile.ETag : lookup.Content.ETag;

        response.Headers.CacheControl = $"public, max-age={maxAgeSeconds}";
        response.Headers["X-Cache"] = lookup.FromCache ? "HIT" : "MISS";
        response.Headers.ETag = etag;
        if (IfNoneMatchMatches(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = PngContentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static bool IfNoneMatchMatches(HttpRequest request, string etag)
    {
        var candidates = request.GetTypedHeaders().IfNoneMatch;
        if (candidates is null || candidates.Count == 0)
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(current, useStrongComparison: false));
    }
}
