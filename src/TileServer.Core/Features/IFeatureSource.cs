namespace TileServer.Core.Features;

/// <summary>A store of feature tables (GeoPackage, PostGIS). Implementations must be safe for
/// concurrent queries and must translate queries — filters, sorting, paging — into parameterized
/// statements of their own dialect.</summary>
public interface IFeatureSource
{
    /// <summary>The source's name in configuration.</summary>
    string Id { get; }

    /// <summary>The tables this source can serve.</summary>
    IReadOnlyList<SourceLayerInfo> Layers { get; }

    /// <summary>Streams the features matching a query, as they are read.</summary>
    IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, CancellationToken cancellationToken);

    /// <summary>How many features match the query's bounds and filter (its limit, offset, sort and fields
    /// are ignored): WFS numberMatched, OGC API numberMatched. With <see cref="FeatureQuery.CountLimit"/> set,
    /// counting may stop there (the result is then that limit).</summary>
    Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken);
}
