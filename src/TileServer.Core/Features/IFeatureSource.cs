namespace TileServer.Core.Features;

/// <summary>A store of feature tables (GeoPackage, PostGIS). Implementations must be safe for
/// concurrent queries and must translate queries into parameterized statements.</summary>
public interface IFeatureSource
{
    /// <summary>The source's name in configuration.</summary>
    string Id { get; }

    /// <summary>The tables this source can serve.</summary>
    IReadOnlyList<SourceLayerInfo> Layers { get; }

    /// <summary>Streams the features matching a query, as they are read.</summary>
    IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, CancellationToken cancellationToken);
}
