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
    long FeatureCount)
{
    /// <summary>The primary key column when the source keeps it out of <see cref="Fields"/> (PostGIS), so that a
    /// layer may still name it as its IdField; null otherwise.</summary>
    public string? KeyColumn { get; init; }
}
