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

    /// <summary>Cache-Control max-age of tiles.</summary>
    public int TileMaxAgeSeconds { get; set; } = 3600;
}
