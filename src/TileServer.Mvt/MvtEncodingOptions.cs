namespace TileServer.Mvt;

/// <summary>Tile-wide encoding settings.</summary>
public sealed record MvtEncodingOptions
{
    /// <summary>Layer extent: tile width/height in integer units (MVT 2.1 §4.1; 4096 is the spec's default).</summary>
    public uint Extent { get; init; } = 4096;

    /// <summary>Extent units kept around the tile so renderers can draw strokes/labels across tile seams.</summary>
    public int Buffer { get; init; } = 64;
}
