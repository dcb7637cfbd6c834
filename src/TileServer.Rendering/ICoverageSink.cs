namespace TileServer.Rendering;

/// <summary>
/// Consumer of one row of anti-aliased coverage produced by <see cref="CoverageRasterizer"/>.
/// Implemented by structs and passed as a generic argument so the per-pixel call is devirtualised.
/// </summary>
internal interface ICoverageSink
{
    /// <summary>Blends <paramref name="coverage"/>[i] (0..1) into pixel (x0 + i, y).</summary>
    void BlendRow(int y, int x0, ReadOnlySpan<float> coverage);
}
