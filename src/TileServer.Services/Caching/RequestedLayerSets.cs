namespace TileServer.Services.Caching;

using System.Collections.Concurrent;

/// <summary>The kinds of tiles (layer set, format, style version) this instance has served, so that purging
/// a layer can reach every cached tile that contains it: single layers, composites such as "xzq,ghyd",
/// vector and raster. Bounded: past the bound, new variants are not recorded and
/// <see cref="Overflowed"/> tells the purger to bump generations instead.</summary>
public sealed class RequestedLayerSets(int capacity = 4096)
{
    // Keyed by the four strings rather than by CachedTileVariant: Record runs on every tile request, and looking up a
    // tuple of existing strings allocates nothing.
    private readonly ConcurrentDictionary<(string LayerSet, string Format, string StyleVersion, string TileMatrixSet), byte> variants = new();

    public bool Overflowed { get; private set; }

    public void Record(string layerSet, string format, string styleVersion = "", string tileMatrixSet = "WebMercatorQuad")
    {
        var variant = (layerSet, format, styleVersion, tileMatrixSet);
        if (variants.ContainsKey(variant))
        {
            return;
        }

        if (variants.Count >= capacity)
        {
            Overflowed = true;
            return;
        }

        variants.TryAdd(variant, 0);
    }

    /// <summary>Every recorded variant containing the layer, plus the layer alone as a vector tile.</summary>
    public IReadOnlyList<CachedTileVariant> Containing(string layer)
    {
        var result = new List<CachedTileVariant> { new(layer, "mvt", "") };
        foreach (var key in variants.Keys)
        {
            var variant = new CachedTileVariant(key.LayerSet, key.Format, key.StyleVersion, key.TileMatrixSet);
            if (variant.Includes(layer) && !result.Contains(variant))
            {
                result.Add(variant);
            }
        }

        return result;
    }
}
