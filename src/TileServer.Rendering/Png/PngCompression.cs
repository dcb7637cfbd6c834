namespace TileServer.Rendering.Png;

/// <summary>How hard the IDAT stream is compressed (zlib, RFC 1950/1951).</summary>
public enum PngCompression
{
    /// <summary>
    /// zlib's run-length strategy only (matches at distance 1). Map tiles are mostly runs of one palette
    /// index, so this is within a few percent of level 6 at a small fraction of its time.
    /// </summary>
    Fast,

    /// <summary>
    /// <see cref="Fast"/>, then, when that stream exceeds <see cref="IdatCompressor.BalancedRetryBytes"/>
    /// (dense tiles, where repeated patterns at longer distances pay), zlib level 6 as well; the smaller wins.
    /// An indexed image with more than <see cref="IdatCompressor.DirectGeneralRuns"/> runs of equal pixels,
    /// whose run-length stream would be that large, gets level 6 only.
    /// </summary>
    Balanced,

    /// <summary>
    /// As <see cref="Balanced"/>, but the level-6 pass runs at any size, the smaller stream wins. On light tiles
    /// with edges repeating from row to row (run-length cannot match across rows) it saves up to 17 % of the image
    /// data, at 1.8–5× the encode time (0.06–0.5 ms more per light 256 × 256 tile on the benchmark tiles,
    /// docs/benchmarks.md): for tiles rendered once and served from a cache many times, not for the default.
    /// </summary>
    Compact,

    /// <summary>zlib level 9: the smallest files; 5–12 ms per 256 × 256 tile on this project's benchmark tiles.</summary>
    Smallest,
}
