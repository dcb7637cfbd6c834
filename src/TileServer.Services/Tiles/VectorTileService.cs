namespace TileServer.Services.Tiles;

using System.Collections.Concurrent;
using TileServer.Core.Caching;
using TileServer.Core.Features;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Mvt;
using TileServer.Services.Caching;
using TileServer.Services.Raster;

/// <summary>Produces Mapbox Vector Tiles for one layer or a composite of layers, through the tile cache: on
/// WebMercatorQuad (XYZ, TileJSON, the viewer) and on the geographic quads WorldCRS84Quad and CGCS2000Quad
/// (OGC API – Tiles), where the tile space is linear in degrees. Geographic tiles are cached under their set's
/// id, so they never collide with Web Mercator tiles of the same numbers.</summary>
public sealed class VectorTileService(ITileCache cache, VectorTileOptions options, RequestedLayerSets? layerSets = null)
{
    public const string TileMatrixSetId = "WebMercatorQuad";
    public const string Format = "mvt";

    private readonly ConcurrentBag<MvtTileWriter> writers = new();

    // A feature's geometry buffers grow to its point count; kept between tiles like the writers, a light tile with
    // one large parcel no longer regrows them on every render (about 8 KB of the 16.5 KB a light z16 tile allocated).
    private readonly ConcurrentBag<MvtGeometry> geometries = new();
    private readonly MvtEncodingOptions encoding = new() { Extent = options.Extent, Buffer = options.Buffer };
    private readonly MvtTileSettings settings = new(options.Extent, options.Buffer, options.SimplifyPixels, options.MinPolygonAreaPixels);

    public VectorTileOptions Options => options;

    /// <summary>A WebMercatorQuad tile.</summary>
    public ValueTask<TileLookup> GetTileAsync(IReadOnlyList<PublishedLayer> layers, TileCoordinate tile, CancellationToken cancellationToken) =>
        GetTileAsync(layers, TileMatrixSets.WebMercatorQuad, tile, cancellationToken);

    public ValueTask<TileLookup> GetTileAsync(IReadOnlyList<PublishedLayer> layers, TileMatrixSet set, TileCoordinate tile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Id != TileMatrixSetId && !set.IsValid(tile))
            throw new ArgumentOutOfRangeException(nameof(tile), tile, $"Outside {set.Id}.");
        string layerKey = layers.Count == 1 ? layers[0].Id : string.Join(',', layers.Select(l => l.Id));
        layerSets?.Record(layerKey, Format, tileMatrixSet: set.Id);
        var key = new TileCacheKey(layerKey, set.Id, tile, Format);
        return cache.GetOrCreateAsync(key, ct => ProduceAsync(layers, set, tile, ct), cancellationToken);
    }

    /// <summary>Encodes a WebMercatorQuad tile without the cache (benchmarks and comparisons use this directly).</summary>
    public Task<TileContent> ProduceAsync(IReadOnlyList<PublishedLayer> layers, TileCoordinate tile, CancellationToken cancellationToken) =>
        ProduceAsync(layers, TileMatrixSets.WebMercatorQuad, tile, cancellationToken);

    /// <summary>Encodes a tile of any known set without the cache. Layer zoom ranges are configured as Web Mercator
    /// zooms; a geographic level is compared through the Web Mercator zoom of equal scale (CGCS2000Quad n ↔ n,
    /// WorldCRS84Quad n ↔ n + 1), as the raster tiles and the tileset limits do.</summary>
    public async Task<TileContent> ProduceAsync(IReadOnlyList<PublishedLayer> layers, TileMatrixSet set, TileCoordinate tile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        bool mercator = set.Id == TileMatrixSetId;
        int zoom = mercator ? tile.Zoom : GeographicTileWarp.EquivalentWebMercatorZoom(set.GetMatrix(tile.Zoom));
        MvtTileWriter writer = writers.TryTake(out var pooled) ? pooled : new MvtTileWriter(encoding);
        MvtGeometry geometry = geometries.TryTake(out var pooledGeometry) ? pooledGeometry : new MvtGeometry();
        try
        {
            writer.Reset();
            var visible = layers.Where(l => zoom >= l.Definition.MinZoom && zoom <= l.Definition.MaxZoom).ToList();
            // ST_AsMVT works in Web Mercator tile space only (ST_TileEnvelope); geographic tiles use our encoder.
            if (mercator && options.PreferDatabaseTiles && visible.Count > 0 && visible[0].Source is IMvtTileSource database
                && visible.All(l => ReferenceEquals(l.Source, visible[0].Source)))
            {
                var requests = visible.Select(l => new MvtLayerRequest(l.Id, l.Definition.Table, l.ExposedFields.Select(f => f.Name).ToList(), l.Definition.IdField)).ToList();
                byte[] bytes = await database.GetMvtTileAsync(requests, tile, settings, cancellationToken).ConfigureAwait(false);
                return TileHasher.Finish(bytes, options.GzipLevel);
            }

            var encoder = new LayerEncoder(writer, geometry, options, set, tile);
            foreach (var layer in visible)
            {
                await encoder.EncodeAsync(layer, cancellationToken).ConfigureAwait(false);
            }

            return TileHasher.Finish(writer.IsEmpty ? [] : writer.ToArray(), options.GzipLevel);
        }
        finally
        {
            writers.Add(writer);
            geometries.Add(geometry);
        }
    }
}
