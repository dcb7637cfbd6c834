namespace TileServer.Core.Features;

using TileServer.Core.Geometry;

/// <summary>What to read from one source table: features whose envelope intersects <see cref="Bounds"/>, given in
/// longitude/latitude degrees (EPSG:4490, equal to WGS 84 at tile precision); sources holding projected tables
/// transform the box. Geometries come back in EPSG:4490 too.
/// Null bounds read all features; at most <see cref="Limit"/> of them, with the listed fields.</summary>
public sealed record FeatureQuery(string Table, BoundingBox? Bounds, IReadOnlyList<string> Fields, int? Limit = null);
