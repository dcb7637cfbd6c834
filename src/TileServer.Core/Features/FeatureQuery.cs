namespace TileServer.Core.Features;

using TileServer.Core.Geometry;

/// <summary>What to read from one source table: features whose envelope intersects <see cref="Bounds"/>
/// (in the table's CRS; null for all), with the listed fields, at most <see cref="Limit"/> of them.</summary>
public sealed record FeatureQuery(string Table, BoundingBox? Bounds, IReadOnlyList<string> Fields, int? Limit = null);
