namespace TileServer.Services.Tiles;

using System.Collections.Concurrent;
using TileServer.Core.Caching;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Services.Caching;

/// <summary>Produces Mapbox Vector Tiles on WebMercatorQuad for one layer or a composite of layers,
/// through the tile cache.</summary>
public sealed class VectorTileService(ITileCache cache, VectorTileOptions options, RequestedLayerSets? layerSets = null)
{
    public const string TileMatrixSetId = "WebMercatorQuad";
    public const string Format = "mvt";

    private readonly ConcurrentBag<MvtTileWriter> writers = new();
    private readonly MvtEncodingOptions encoding = new() { Extent = options.Extent, Buffer = options.Buffer };
    private readonly MvtTileSettings settings = new(options.Extent, options.Buffer, options.SimplifyPixels, options.MinPolygonAreaPixels);

    public VectorTileOptions Options => options;

    public ValueTask<TileLookup> GetTileAsync(IReadOnlyList<PublishedLayer> layers, TileCoordinate tile, CancellationToken cancellationToken)
    {
        string layerKey = layers.Count == 1 ? layers[0].Id : string.Join(',', layers.Select(l => l.Id));
        layerSets?.Record(layerKey, Format);
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
            var visible = layers.Where(l => tile.Zoom >= l.Definition.MinZoom && tile.Zoom <= l.Definition.MaxZoom).ToList();
            if (options.PreferDatabaseTiles && visible.Count > 0 && visible[0].Source is IMvtTileSource database
                && visible.All(l => ReferenceEquals(l.Source, visible[0].Source)))
            {
                var requests = visible.Select(l => new MvtLayerRequest(l.Id, l.Definition.Table, l.ExposedFields.Select(f => f.Name).ToList(), l.Definition.IdField)).ToList();
                byte[] bytes = await database.GetMvtTileAsync(requests, tile, settings, cancellationToken).ConfigureAwait(false);
                return TileHasher.Finish(bytes, options.GzipLevel);
            }

            var encoder = new LayerEncoder(writer, options, tile);
            foreach (var layer in visible)
            {
                await encoder.EncodeAsync(layer, cancellationToken).ConfigureAwait(false);
            }

            return TileHasher.Finish(writer.IsEmpty ? [] : writer.ToArray(), options.GzipLevel);
        }
        finally
        {
            writers.Add(writer);
        }
    }
}
