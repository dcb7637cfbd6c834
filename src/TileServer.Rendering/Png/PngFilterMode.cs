namespace TileServer.Rendering.Png;

/// <summary>Scanline filter selection (ISO/IEC 15948 §9, recommendations in §12.8).</summary>
public enum PngFilterMode
{
    /// <summary>Adaptive for truecolour, None for indexed-colour — the §12.8 recommendation.</summary>
    Auto,

    /// <summary>Per row, the filter with the minimum sum of absolute (signed) filtered bytes.</summary>
    Adaptive,

    /// <summary>Filter type 0 on every row.</summary>
    None,
}
