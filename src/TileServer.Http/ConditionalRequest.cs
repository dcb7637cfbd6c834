namespace TileServer.Http;

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

/// <summary>Conditional requests (RFC 9110 §13).</summary>
public static class ConditionalRequest
{
    /// <summary>§13.1.2: If-None-Match uses weak comparison; "*" matches any current representation.</summary>
    public static bool IfNoneMatchMatches(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        var candidates = request.GetTypedHeaders().IfNoneMatch;
        if (candidates is null || candidates.Count == 0)
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag); // Strong ("x") or weak (W/"x").
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
