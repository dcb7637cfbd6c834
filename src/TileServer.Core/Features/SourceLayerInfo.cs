namespace TileServer.Core.Features;

using TileServer.Core.Geometry;

/// <summary>A table a source can serve, as discovered from the source's own catalogue.</summary>
public sealed record SourceLayerInfo(
    string Table,
    string GeometryColumn,
    GeometryKind GeometryKind,
    int Srid,
    BoundingBox Extent,
    IReadOnlyList<FieldDefinition> Fields,
    long FeatureCount);
