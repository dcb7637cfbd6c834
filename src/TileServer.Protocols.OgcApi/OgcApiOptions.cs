namespace TileServer.Protocols.OgcApi;

/// <summary>Settings of the OGC API endpoints (section TileServer:OgcApi). The limit default and maximum are
/// declared in the OpenAPI document as OGC API – Features Part 1 §7.15.3 requires.</summary>
public sealed class OgcApiOptions
{
    public string Title { get; set; } = "TileServer";

    public string Description { get; set; } = "国土空间总体规划 三条控制线与规划用地用海 — tiles and features of the territorial spatial master plans";

    /// <summary>Page size when a request gives no limit (Part 1 §7.15.3 example value: 10).</summary>
    public int DefaultLimit { get; set; } = 10;

    /// <summary>Largest page; a larger limit is served as this one, not refused (Part 1 §7.15.3).</summary>
    public int MaxLimit { get; set; } = 10_000;

    /// <summary>numberMatched is counted exactly up to this many matches (or just past the requested page, when that
    /// is further); beyond, counting stops and numberMatched is left out, so a page of a million-row collection
    /// does not scan the whole collection.</summary>
    public long ExactCountLimit { get; set; } = 100_000;

    /// <summary>Links the host adds to the landing page (JSON links and HTML), e.g. its map viewer at /viewer/.</summary>
    public List<OgcLandingLink> LandingLinks { get; } = [];

    /// <summary>Cache-Control max-age of tiles.</summary>
    public int TileMaxAgeSeconds { get; set; } = 3600;
}
