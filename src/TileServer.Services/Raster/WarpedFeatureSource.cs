namespace TileServer.Services.Raster;

using System.Runtime.CompilerServices;
using TileServer.Core.Features;

/// <summary>Wraps a layer's source for one geographic tile: queries the real tile's bounds (grown by the
/// raster buffer) instead of the proxy Web Mercator tile's, and hands back geometries warped into the proxy
/// tile (<see cref="GeographicTileWarp"/>).</summary>
internal sealed class WarpedFeatureSource(IFeatureSource inner, GeographicTileWarp warp, double bufferPixels) : IFeatureSource
{
    public string Id => inner.Id;

    public IReadOnlyList<SourceLayerInfo> Layers => inner.Layers;

    public Task<long> CountAsync(FeatureQuery query, CancellationToken cancellationToken) =>
        inner.CountAsync(query with { Bounds = warp.QueryBounds(bufferPixels) }, cancellationToken);

    public async IAsyncEnumerable<FeatureRecord> QueryAsync(FeatureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var real = query with { Bounds = warp.QueryBounds(bufferPixels) };
        await foreach (FeatureRecord feature in inner.QueryAsync(real, cancellationToken).ConfigureAwait(false))
        {
            yield return feature with { Wkb = WkbCoordinateWarper.Warp(feature.Wkb.Span, warp) };
        }
    }
}
