namespace TileServer.Services.Features;

using System.Collections.Concurrent;
using TileServer.Core.Layers;

/// <summary>
/// A lon/lat point where a layer has data, for the initial view of clients that open a TileJSON or a style
/// (TileJSON 3.0.0 <c>center</c>, MapLibre style <c>center</c>). The middle of the bounds is not enough: the sample's
/// units lie hundreds of kilometres apart, and the middle of their bounds falls between them, on empty tiles. The
/// point is the interior point of the layer's first feature (lowest row id), looked up once per layer and again after
/// the layer's data changes. The lookup reads one row by primary key (a PostGIS view without a key orders by its
/// geometry hash, which scans the view once).
/// </summary>
public sealed class LayerCentres : IDisposable
{
    private readonly FeatureService features;
    private readonly ConcurrentDictionary<string, (double Longitude, double Latitude)?> found = new(StringComparer.Ordinal);
    private readonly IDisposable? subscription;

    public LayerCentres(FeatureService features, ILayerChangeFeed? changes = null)
    {
        this.features = features;
        subscription = changes?.Subscribe(ForgetAsync);
    }

    /// <summary>The point of the first of <paramref name="layers"/> that holds a feature, with that layer, or null when
    /// none does. A layer whose source fails is skipped and asked again next time: the centre only sets a starting
    /// view, so a document that carries it must not fail with the source.</summary>
    public async Task<(PublishedLayer Layer, double Longitude, double Latitude)?> FirstWithDataAsync(IReadOnlyList<PublishedLayer> layers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers)
        {
            if (!found.TryGetValue(layer.Id, out var centre))
            {
                try
                {
                    centre = await FirstFeaturePointAsync(layer, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    continue;
                }

                found[layer.Id] = centre;
            }

            if (centre is { } point)
                return (layer, point.Longitude, point.Latitude);
        }

        return null;
    }

    public void Dispose() => subscription?.Dispose();

    private Task ForgetAsync(IReadOnlyList<LayerDataChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
            found.TryRemove(change.LayerId, out _);
        return Task.CompletedTask;
    }

    private async Task<(double Longitude, double Latitude)?> FirstFeaturePointAsync(PublishedLayer layer, CancellationToken cancellationToken)
    {
        // No sort keys with a limit: the sources order by row id, so the choice is stable.
        var request = new FeatureRequest { LayerId = layer.Id, Limit = 1, Properties = [] };
        await foreach (var feature in features.QueryAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (feature.Geometry.IsEmpty)
                continue;
            var point = feature.Geometry.InteriorPoint;
            return (point.X, point.Y);
        }

        return null;
    }
}
