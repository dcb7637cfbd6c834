namespace TileServer.Mvt;

/// <summary>A decoded layer. Version and extent take the proto defaults (1 and 4096) when absent (MVT 2.1 §4.1).</summary>
public sealed record MvtLayer(string Name, uint Version, uint Extent, IReadOnlyList<MvtFeature> Features);
