namespace TileServer.Services.Raster;

using TileServer.Services.Caching;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TileServer.Core.Caching;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;

/// <summary>Produces 256×256 PNG tiles on WebMercatorQuad for one layer or a composite of layers, drawn
/// with their styles, through the same tile cache as vector tiles (format "png").</summary>
public sealed class RasterTileService(ITileCache cache, RasterStyleBinder styles, RasterTileOptions options, RequestedLayerSets? layerSets = null)
{
    public const string TileMatrixSetId = "WebMercatorQuad";
    public const string Format = "png";

    private readonly ConcurrentBag<RasterTileRenderer> renderers = new();

    public RasterTileOptions Options => options;

    public RasterStyleBinder Styles => styles;

    public ValueTask<TileLookup> GetTileAsync(IReadOnlyList<PublishedLayer> layers, TileCoordinate tile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var tags = new StringBuilder();
        foreach (var layer in layers)
        {
            if (tags.Length > 0) tags.Append(',');
            tags.Append(styles.Find(layer)?.CacheTag ?? "-");
        }

        string layerKey = string.Join(',', layers.Select(l => l.Id));
        var key = new TileCacheKey(layerKey, TileMatrixSetId, tile, Format, tags.ToString());
        layerSets?.Record(layerKey, Format, key.StyleVersion);
        return cache.GetOrCreateAsync(key, ct => ProduceAsync(layers, tile, ct), cancellationToken);
    }

    /// <summary>Renders the tile without the cache.</summary>
    public async Task<TileContent> ProduceAsync(IReadOnlyList<PublishedLayer> layers, TileCoordinate tile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var drawn = new List<(PublishedLayer, RasterLayerStyle)>(layers.Count);
        foreach (var layer in layers)
        {
            if (tile.Zoom >= layer.Definition.MinZoom && tile.Zoom <= layer.Definition.MaxZoom && styles.Find(layer) is { } style)
            {
                drawn.Add((layer, style));
            }
        }

        if (drawn.Count == 0)
        {
            return Finish([]);
        }

        RasterTileRenderer renderer = renderers.TryTake(out var pooled) ? pooled : new RasterTileRenderer(options);
        try
        {
            return Finish(await renderer.RenderAsync(drawn, tile, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            renderers.Add(renderer);
        }
    }

    /// <summary>Like <see cref="Tiles.TileHasher"/>, without the gzip copy: PNG data is already deflated, so
    /// the copy would cost memory for nothing; <see cref="TileContent.Gzipped"/> stays empty.</summary>
    private static TileContent Finish(byte[] png)
    {
        if (png.Length == 0)
        {
            return new TileContent(png, png, "\"empty\"");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(png, hash);
        return new TileContent(png, [], "\"" + Convert.ToHexStringLower(hash[..12]) + "\"");
    }
}
