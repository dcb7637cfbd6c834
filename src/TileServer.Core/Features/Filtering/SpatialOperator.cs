namespace TileServer.Core.Features.Filtering;

/// <summary>The spatial operators of FES 2.0 §7.8 that the server translates. <see cref="BBox"/> is
/// "not disjoint from the envelope" (§7.8.3.2), the same test as <see cref="Intersects"/> against the
/// box as a polygon; <see cref="Within"/> is the DE-9IM within of the feature in the operand.</summary>
public enum SpatialOperator
{
    BBox,
    Intersects,
    Within,
}
