namespace TileServer.Rendering.Png;

/// <summary>Output settings for <see cref="PngEncoder"/>.</summary>
public sealed record PngOptions
{
    /// <summary>Write colour type 3 (PLTE + tRNS, 8-bit indices) instead of colour type 6 RGBA.</summary>
    public bool Indexed { get; init; }

    /// <summary>Effort spent on the IDAT stream (docs/benchmarks.md compares the modes on map tiles).</summary>
    public PngCompression Compression { get; init; } = PngCompression.Balanced;

    /// <summary>Scanline filter strategy.</summary>
    public PngFilterMode Filters { get; init; } = PngFilterMode.Auto;

    /// <summary>When true a fully transparent canvas writes nothing and the encoder reports it as empty.</summary>
    public bool OmitEmpty { get; init; }
}
