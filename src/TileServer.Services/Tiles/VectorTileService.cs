namespace TileServer.Services.Tiles;

using System.Collections.Concurrent;
using TileServer.Core.Caching;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Mvt;

/// <summary>Produces Mapbox Vector Tiles on WebMercatorQuad for one layer or a composite of layers,
/// through the tile cache.</summary>
public sealed class VectorTileService(ITileCache cache, VectorTileOptions options)
{
    public const string TileMatrixSetId = "WebMercatorQuad";
    public const string Format = "mvt";

    private readonly ConcurrentBag<MvtTileWriter> writers = new();
    private readonly MvtEncodingOptions encoding = new() { Extent = options.Extent, Buffer = options.Buffer };

    public VectorTileOptions Options => options;

    public ValueTask<TileLookup> GetTileAsync(IReadOnlyList<PublishedLayer> layers, TileCoordinate tile, CancellationToken cancellationToken)
    {
        string layerKey = string.Join(',', layers.Select(l => l.Id));
        var key = new TileCacheKey(layerKey, TileMatrixSetId, tile, Format);
        return cache.GetOrCreateAsync(key, ct => ProduceAsync(layers, tile, ct), cancellationToken);
    }

    /// <summary>Encodes the tile without the cache (benchmarks and comparisons use this directly).</summary>
    public async Task<TileContent> ProduceAsync(IReadOnlyList<PublishedLayer> layers, TileCoordinate tile, CancellationToken cancellationToken)
    {
        MvtTileWriter writer = writers.TryTake(out var pooled) ? pooled : new MvtTileWriter(encoding);
        try
        {
            writer.Reset();
            var encoder = new LayerEncoder(writer, options, tile);
            foreach (var layer in layers)
            {
                if (tile.Zoom < layer.Definition.MinZoom || tile.Zoom > layer.Definition.MaxZoom)
                {
                    continue;
                }

                await encoder.EncodeAsync(layer, cancellationToken).ConfigureAwait(false);
            }

            return TileHasher.Finish(writer.IsEmpty ? [] : writer.ToArray());
        }
        finally
        {
            writers.Add(writer);
        }
    }
}
