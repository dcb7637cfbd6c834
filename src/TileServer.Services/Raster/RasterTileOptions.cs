namespace TileServer.Services.Raster;

using TileServer.Rendering.Png;

/// <summary>How raster (PNG) tiles are drawn and encoded.</summary>
public sealed record RasterTileOptions
{
    /// <summary>Features are read this many pixels beyond the tile so strokes, dashes and hatches that
    /// start just outside still reach the edge pixels, and neighbouring tiles join without a break.</summary>
    public double BufferPixels { get; init; } = 4;

    /// <summary>Write PNG8 (indexed colour): an exact palette when the tile has at most 256 colours.</summary>
    public bool Indexed { get; init; } = true;

    /// <summary>With <see cref="Indexed"/>: a tile with more than 256 colours is still PNG8, its frequent colours
    /// (the style colours of parcel interiors) kept exactly and its anti-aliased edge blends quantized. When
    /// false, such tiles are written as RGBA instead: exact everywhere, about three times larger.</summary>
    public bool AllowQuantizedPalette { get; init; } = true;

    /// <summary>zlib effort for the PNG's image data (Fast, Balanced or Smallest; see PngCompression).</summary>
    public PngCompression PngCompression { get; init; } = PngCompression.Balanced;
}
