namespace TileServer.Services.Caching;

using TileServer.Core.Layers;

/// <summary>Keeps cached tiles in step with the data: each published change purges the changed areas of the
/// layer (old and new boxes, every zoom), or bumps its generation when the whole layer may have changed.
/// The purger decides between one-by-one removal and a bump by the number of affected tiles.</summary>
public sealed class CacheInvalidationOnChange : IDisposable
{
    private readonly TileCachePurger purger;
    private readonly ILayerCatalog catalog;
    private readonly IDisposable subscription;

    public CacheInvalidationOnChange(ILayerChangeFeed feed, TileCachePurger purger, ILayerCatalog catalog)
    {
        this.purger = purger;
        this.catalog = catalog;
        subscription = feed.Subscribe(InvalidateAsync);
    }

    public void Dispose() => subscription.Dispose();

    private async Task InvalidateAsync(IReadOnlyList<LayerDataChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            if (change.IsWholeLayer)
            {
                await purger.PurgeAsync(new PurgeRequest(change.LayerId, null, 0, int.MaxValue), cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Tiles are only produced (and cached) up to the layer's max zoom; over-zoomed clients reuse those.
            int maxZoom = catalog.TryGet(change.LayerId, out var layer) ? layer.Definition.MaxZoom : int.MaxValue;
            foreach (var area in change.ChangedAreas)
            {
                await purger.PurgeAsync(new PurgeRequest(change.LayerId, area, 0, maxZoom), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
