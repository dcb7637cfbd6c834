namespace TileServer.Http;

using Microsoft.AspNetCore.Http;

/// <summary>Accept-Encoding negotiation (RFC 9110 §12.5.3).</summary>
public static class ContentCoding
{
    /// <summary>True when the request accepts gzip, by name or through "*", with a quality above zero.</summary>
    public static bool AcceptsGzip(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
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
}
