namespace TileServer.Services.Raster;

/// <summary>How raster (PNG) tiles are drawn and encoded.</summary>
public sealed record RasterTileOptions
{
    /// <summary>Features are read this many pixels beyond the tile so strokes, dashes and hatches that
    /// start just outside still reach the edge pixels, and neighbouring tiles join without a break.</summary>
    public double BufferPixels { get; init; } = 4;

    /// <summary>Write PNG8 (indexed colour) when the tile's colours fit an exact 256-entry palette; tiles with
    /// more colours fall back to RGBA rather than being quantized, so style colours stay exact.</summary>
    public bool Indexed { get; init; } = true;

    /// <summary>With <see cref="Indexed"/>: also keep PNG8 when the palette had to be quantized (smaller
    /// tiles, approximate colours on anti-aliased edges).</summary>
    public bool AllowQuantizedPalette { get; init; }
}
