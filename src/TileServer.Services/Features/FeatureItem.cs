namespace TileServer.Services.Features;

using NetTopologySuite.Geometries;
using TileServer.Core.Features;

/// <summary>One feature ready for an output format: its row id, its geometry in the request's output CRS
/// (east/north order), and its property values in the order of <see cref="Fields"/>.</summary>
public sealed record FeatureItem(long Fid, Geometry Geometry, IReadOnlyList<FieldDefinition> Fields, object?[] Values);
