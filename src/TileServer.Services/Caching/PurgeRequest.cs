namespace TileServer.Services.Caching;

using TileServer.Core.Geometry;

/// <summary>Which cached tiles to drop: one layer, optionally only within a longitude/latitude box and a zoom range.</summary>
public sealed record PurgeRequest(string Layer, BoundingBox? Bounds, int MinZoom, int MaxZoom);
