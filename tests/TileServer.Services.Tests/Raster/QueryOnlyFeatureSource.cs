namespace TileServer.Services.Tests.Raster;

using TileServer.Core.Features;

/// <summary>Another source's features through <see cref="IFeatureSource"/> alone, hiding its optional
/// capabilities (a row scan), so a consumer takes its general path.</summary>
public sealed class QueryOnlyFeatureSource(IFeatureSource inner) : IFeatureSource
{
    public string Id => inner.Id;

    public IReadOnlyList<SourceLayerInfo> Layers => inner.Layers;

    public IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) => inner.CountAsync(query, cancellationToken);
}
