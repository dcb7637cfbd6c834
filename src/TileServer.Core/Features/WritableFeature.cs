namespace TileServer.Core.Features;

using NetTopologySuite.Geometries;

/// <summary>A feature to be written by an importer or generator: geometry plus values in the order of
/// the layer schema's fields.</summary>
public sealed record WritableFeature(Geometry Geometry, object?[] Values);
