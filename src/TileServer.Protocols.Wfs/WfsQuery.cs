namespace TileServer.Protocols.Wfs;

using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Layers;

/// <summary>One GetFeature / GetPropertyValue query after parsing (KVP or XML): a feature type, the filter in
/// storage terms, the projection, the order, the page and the output CRS and format.</summary>
public sealed record WfsQuery
{
    public required PublishedLayer Layer { get; init; }

    /// <summary>The output CRS as the client named it (decides the axis order written).</summary>
    public required CrsReference Crs { get; init; }

    public FeatureFilter? Filter { get; init; }

    /// <summary>Selected fields (null: all exposed fields).</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    public bool IncludeGeometry { get; init; } = true;

    public IReadOnlyList<SortKey> SortBy { get; init; } = [];

    public long StartIndex { get; init; }

    public int Count { get; init; }

    /// <summary>resultType=hits: only numberMatched.</summary>
    public bool Hits { get; init; }

    public bool Json { get; init; }

    /// <summary>The GetFeatureById stored query: the bare feature, or NotFound.</summary>
    public bool SingleFeature { get; init; }
}
