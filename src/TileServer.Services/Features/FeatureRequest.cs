namespace TileServer.Services.Features;

using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;

/// <summary>A protocol-neutral feature read: which layer, which features (a box and a filter, both already
/// in storage terms: lon/lat EPSG:4490 and the layer's field names), which properties, in which order and
/// page, and the CRS geometries are returned in. Adapters translate their own parameters into this.</summary>
public sealed record FeatureRequest
{
    public required string LayerId { get; init; }

    /// <summary>Only features whose envelope meets this lon/lat box (null: everywhere).</summary>
    public BoundingBox? Bounds { get; init; }

    public FeatureFilter? Filter { get; init; }

    public IReadOnlyList<SortKey> SortBy { get; init; } = [];

    /// <summary>The properties to return, a subset of the layer's exposed fields (null: all of them).</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    public long Offset { get; init; }

    /// <summary>At most this many features (null: no limit; adapters apply their own caps first).</summary>
    public int? Limit { get; init; }

    /// <summary>Geometries are transformed into this CRS (east/north order; writers swap axes per the CRS form).</summary>
    public CoordinateReferenceSystem OutputCrs { get; init; } = CrsRegistry.Cgcs2000;
}
