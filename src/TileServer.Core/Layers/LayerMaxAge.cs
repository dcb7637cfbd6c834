namespace TileServer.Core.Layers;

/// <summary>How long clients and proxies may reuse a tile (Cache-Control max-age, RFC 9111 §5.2.2.1): each
/// layer's own <see cref="LayerDefinition.MaxAgeSeconds"/> or the protocol's default; a composite tile is only
/// as fresh as its most volatile layer, so it takes the smallest.</summary>
public static class LayerMaxAge
{
    public static int For(IReadOnlyList<PublishedLayer> layers, int defaultSeconds)
    {
        ArgumentNullException.ThrowIfNull(layers);
        int? smallest = null;
        for (int i = 0; i < layers.Count; i++)
        {
            int seconds = Math.Max(0, layers[i].Definition.MaxAgeSeconds ?? defaultSeconds);
            smallest = smallest is { } current ? Math.Min(current, seconds) : seconds;
        }

        return smallest ?? Math.Max(0, defaultSeconds);
    }
}
