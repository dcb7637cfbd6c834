namespace TileServer.Http;

using Microsoft.AspNetCore.Http;

/// <summary>Accept-Encoding negotiation (RFC 9110 §12.5.3).</summary>
public static class ContentCoding
{
    /// <summary>True when the request gives gzip a quality above zero: by name (x-gzip counts as gzip, RFC 9110
    /// §8.4.1.3) or, when gzip is not named, through "*". A named gzip decides on its own, because "*" only
    /// stands for the codings the field does not otherwise list: "gzip;q=0, *" refuses gzip.</summary>
    public static bool AcceptsGzip(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The typed parse allocates; most tile clients send the header, but a missing one needs no parse.
        if (request.Headers.AcceptEncoding.Count == 0)
        {
            return false;
        }

        double? named = null;
        double? wildcard = null;
        foreach (var value in request.GetTypedHeaders().AcceptEncoding)
        {
            double quality = value.Quality ?? 1;
            if (value.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) || value.Value.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                named = Math.Max(named ?? 0, quality);
            }
            else if (value.Value.Equals("*", StringComparison.Ordinal))
            {
                wildcard = Math.Max(wildcard ?? 0, quality);
            }
        }

        return (named ?? wildcard ?? 0) > 0;
    }
}
