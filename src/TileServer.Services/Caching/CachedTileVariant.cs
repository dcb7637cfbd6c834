namespace TileServer.Services.Caching;

/// <summary>One family of cache keys this instance has produced: a layer set ("xzq,ghyd"), a format and
/// a style version (empty for vector tiles) on a tile matrix set; with a tile it makes a complete cache key.</summary>
public sealed record CachedTileVariant(string LayerSet, string Format, string StyleVersion, string TileMatrixSet = "WebMercatorQuad")
{
    internal string[] Layers { get; } = LayerSet.Split(',');
}
