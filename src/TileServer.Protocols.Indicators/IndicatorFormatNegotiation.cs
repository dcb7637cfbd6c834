namespace TileServer.Protocols.Indicators;

using Microsoft.AspNetCore.Http;

/// <summary>Chooses the representation: the <c>f</c> query parameter wins (json, html, csv — as OGC API
/// resources do), then the Accept header (text/html, text/csv by quality; text/* means HTML), JSON otherwise.</summary>
public static class IndicatorFormatNegotiation
{
    /// <summary>False with the offending value when <c>f</c> names an unknown format.</summary>
    public static bool TryChoose(HttpRequest request, out IndicatorFormat format, out string? badValue)
    {
        ArgumentNullException.ThrowIfNull(request);
        badValue = null;
        string? f = request.Query["f"];
        if (!string.IsNullOrEmpty(f))
        {
            switch (f.Trim().ToLowerInvariant())
            {
                case "json" or "application/json": format = IndicatorFormat.Json; return true;
                case "html" or "text/html": format = IndicatorFormat.Html; return true;
                case "csv" or "text/csv": format = IndicatorFormat.Csv; return true;
                default: format = IndicatorFormat.Json; badValue = f; return false;
            }
        }

        format = IndicatorFormat.Json;
        double best = 0;
        var accept = request.GetTypedHeaders().Accept;
        // A type named with q=0 is refused even where a range would cover it (RFC 9110 §12.5.1: the more specific
        // range wins), so "text/*, text/html;q=0" asks for CSV.
        var refused = accept.Where(a => a.Quality == 0).Select(a => a.MediaType.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // At equal quality a named type goes before a range (text/csv before text/*), RFC 9110 §12.5.1.
        foreach (var value in accept.OrderByDescending(a => a.Quality ?? 1).ThenBy(a => a.MatchesAllSubTypes))
        {
            double quality = value.Quality ?? 1;
            if (quality <= best)
            {
                continue;
            }

            IndicatorFormat? candidate = value.MediaType.Value switch
            {
                "application/json" or "application/problem+json" => IndicatorFormat.Json,
                "application/*" when !refused.Contains("application/json") => IndicatorFormat.Json,
                // text/* accepts HTML and CSV but not JSON; HTML is the text form a person reads.
                "text/html" => IndicatorFormat.Html,
                "text/*" when !refused.Contains("text/html") => IndicatorFormat.Html,
                "text/*" when !refused.Contains("text/csv") => IndicatorFormat.Csv,
                "text/csv" => IndicatorFormat.Csv,
                _ => null,
            };
            if (candidate is { } chosen)
            {
                format = chosen;
                best = quality;
            }
        }

        return true;
    }
}
