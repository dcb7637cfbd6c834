namespace TileServer.Services.Caching;

/// <summary>One family of cache keys this instance has produced: a layer set ("xzq,ghyd"), a format and
/// a style version (empty for vector tiles) on a tile matrix set; with a tile it makes a complete cache key.</summary>
/// <remarks>Only the four strings take part in equality: no derived field (such as the split layer list) may be
/// stored here, or two equal variants would compare unequal and the registry would grow with every request.</remarks>
public sealed record CachedTileVariant(string LayerSet, string Format, string StyleVersion, string TileMatrixSet = "WebMercatorQuad")
{
    /// <summary>Whether <paramref name="layer"/> is one of the comma-separated layers of the set.</summary>
    internal bool Includes(string layer)
    {
        foreach (Range part in LayerSet.AsSpan().Split(','))
        {
            if (LayerSet.AsSpan()[part].SequenceEqual(layer))
            {
                return true;
            }
        }

        return false;
    }
}
