namespace TileServer.Protocols.Wfs;

using TileServer.Services.Features;

/// <summary>Where the next and previous links of a GetFeature / GetPropertyValue page point (09-025r2 §10.2.4.4:
/// the links are optional and must lead to a page of the same result set). Pages step by count from the request's
/// startIndex. <c>next</c> exists only when matches lie beyond this page (startIndex + numberReturned &lt;
/// numberMatched). <c>previous</c> exists only when the page starts after the first match and a match lies
/// before it; it points at the nearest page on the same count grid that holds at least one match — one count
/// back, or, for a startIndex past the end of the result, the last page holding matches — and never below 0.
/// Neither exists for resultType=hits or count=0 (a page of nothing has no neighbours).</summary>
public static class WfsPageLinks
{
    public static long? Next(long startIndex, int count, long returned, MatchCount matched) =>
        count > 0 && matched.HasMoreThan(startIndex, returned) ? startIndex + count : null;

    public static long? Previous(long startIndex, int count, MatchCount matched) =>
        count > 0 ? matched.PreviousPageStart(startIndex, count) : null;
}
