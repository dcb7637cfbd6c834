namespace TileServer.Core.Features;

/// <summary>A whole layer held in memory, as produced by the sample generator and consumed by writers.</summary>
public sealed record FeatureLayerData(FeatureLayerSchema Schema, IReadOnlyList<WritableFeature> Features);
