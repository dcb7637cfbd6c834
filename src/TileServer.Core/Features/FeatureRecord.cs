namespace TileServer.Core.Features;

/// <summary>A feature as read from a source: its row id, its geometry as ISO/OGC WKB (no container
/// header) and the values of the requested fields, in the order requested. Tile production walks the
/// WKB directly; other protocols decode it with NetTopologySuite when they need objects.</summary>
public sealed record FeatureRecord(long Fid, ReadOnlyMemory<byte> Wkb, object?[] Values);
