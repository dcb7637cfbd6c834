namespace TileServer.Rendering.Png;

/// <summary>Output settings for <see cref="PngEncoder"/>.</summary>
public sealed record PngOptions
{
    /// <summary>Write colour type 3 (PLTE + tRNS, 8-bit indices) instead of colour type 6 RGBA.</summary>
    public bool Indexed { get; init; }

    /// <summary>zlib level 0–9 for the IDAT stream. 9 by default: on map tiles it is about 3 % smaller than
    /// zlib's default 6 for a few percent more time, and the result is cached.</summary>
    public int ZlibLevel { get; init; } = 9;

    /// <summary>Scanline filter strategy.</summary>
    public PngFilterMode Filters { get; init; } = PngFilterMode.Auto;

    /// <summary>When true a fully transparent canvas writes nothing and the encoder reports it as empty.</summary>
    public bool OmitEmpty { get; init; }
}
