namespace TileServer.Core.Features.Filtering;

using TileServer.Core.Geometry;

/// <summary>A spatial predicate between the layer's geometry and an operand given as ISO WKB in
/// longitude/latitude EPSG:4490 (adapters transform from the request's CRS and axis order first), with
/// its envelope for index filtering. For <see cref="SpatialOperator.BBox"/> the WKB is the box's polygon.</summary>
public sealed record SpatialFilter(SpatialOperator Operator, ReadOnlyMemory<byte> Wkb, BoundingBox Envelope) : FeatureFilter
{
    public override TResult Accept<TResult>(IFeatureFilterVisitor<TResult> visitor) => visitor.Visit(this);
}
