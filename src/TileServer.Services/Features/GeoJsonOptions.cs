namespace TileServer.Services.Features;

/// <summary>How features are written as GeoJSON. RFC 7946 §3.1.1 fixes longitude/latitude (east/north)
/// order; OGC API – Features Part 2 §6.2 (crs parameter) requires the CRS's own axis order instead, so
/// the adapter sets <see cref="SwapAxes"/> for a latitude-first or northing-first CRS.</summary>
public sealed record GeoJsonOptions
{
    public bool SwapAxes { get; init; }

    /// <summary>When set, ids are written as strings "{IdPrefix}{fid}" (WFS's "ghyd.12"); otherwise as the
    /// integer row id (OGC API – Features).</summary>
    public string? IdPrefix { get; init; }

    /// <summary>Flush the JSON buffer to the response once it holds this many bytes.</summary>
    public int FlushThresholdBytes { get; init; } = 32 * 1024;
}
