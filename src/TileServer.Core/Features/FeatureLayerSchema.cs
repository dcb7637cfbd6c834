namespace TileServer.Core.Features;

/// <summary>The shape of a feature table: name, geometry type, SRID and attribute fields.</summary>
public sealed record FeatureLayerSchema(
    string Name,
    GeometryKind GeometryKind,
    int Srid,
    IReadOnlyList<FieldDefinition> Fields,
    string? Title = null,
    string? Description = null);
