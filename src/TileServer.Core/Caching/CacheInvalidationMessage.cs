namespace TileServer.Core.Caching;

using TileServer.Core.Geometry;

/// <summary>An invalidation one instance made, told to the other instances sharing its distributed tier so
/// that they drop the same tiles from their own memory tiers: either a generation bump (<see cref="Generation"/>
/// set: the layer's new generation) or tiles removed one by one (the layer's tiles within <see cref="Bounds"/>,
/// longitude/latitude, between the zooms of every matrix set).</summary>
/// <param name="Origin">The sending instance, so that it ignores its own message.</param>
public sealed record CacheInvalidationMessage(string Origin, string Layer, long? Generation, BoundingBox? Bounds, int MinZoom, int MaxZoom);
