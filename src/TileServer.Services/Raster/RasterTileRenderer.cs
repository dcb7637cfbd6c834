namespace TileServer.Services.Raster;

using System.Buffers;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Rendering;
using TileServer.Rendering.Png;
using TileServer.Services.Tiles;
using TileServer.Styling;

/// <summary>The per-production drawing state — canvas, PNG encoder, output buffer and path pool — reused
/// between tiles through the service's pool, so steady-state rendering allocates little beyond the result.</summary>
internal sealed class RasterTileRenderer(RasterTileOptions options) : IFeatureRowVisitor
{
    public const int TileSize = 256;

    private readonly PngOptions indexedPng = new() { Indexed = true, OmitEmpty = true, Compression = options.PngCompression };
    private readonly PngOptions rgbaPng = new() { Indexed = false, OmitEmpty = true, Compression = options.PngCompression };

    private readonly RasterCanvas canvas = new(TileSize, TileSize);
    private readonly PngEncoder encoder = new();
    private readonly ArrayBufferWriter<byte> output = new(16 * 1024);
    private readonly List<VectorPath> paths = [];
    private readonly Dictionary<ResolvedSymbol, HatchStyle> tileHatches = new(ReferenceEqualityComparer.Instance);
    private readonly ResolvedSymbolMemo symbols = new();
    private readonly FeatureBatch batch = new();
    private ResolvedSymbol[] pendingSymbols = new ResolvedSymbol[64];
    private bool[] pendingPolygonal = new bool[64];
    private int pendingCount;

    // The layer being drawn, for Visit.
    private RasterLayerStyle? drawnStyle;
    private string[] drawnFields = [];
    private MercatorPixelProjection drawnTransform;
    private int drawnZoom;

    /// <summary>Draws the layers in order and returns the PNG, or an empty array when nothing was drawn.</summary>
    public async Task<byte[]> RenderAsync(IReadOnlyList<(PublishedLayer Layer, RasterLayerStyle Style)> layers, TileCoordinate tile, CancellationToken cancellationToken)
    {
        canvas.Clear(Rgba.Transparent);
        tileHatches.Clear();
        var transform = new MercatorPixelProjection(tile, TileSize);
        BoundingBox bounds = QueryBounds(tile, options.BufferPixels);
        foreach (var (layer, style) in layers)
        {
            await DrawLayerAsync(layer, style, tile, transform, bounds, cancellationToken).ConfigureAwait(false);
        }

        return Encode();
    }

    private async Task DrawLayerAsync(PublishedLayer layer, RasterLayerStyle style, TileCoordinate tile, MercatorPixelProjection transform, BoundingBox bounds, CancellationToken cancellationToken)
    {
        string[] names = style.Fields;
        // Each feature is walked into a path before the next is read, and rows just outside the buffered tile
        // are clipped away: the source may reuse its buffers and skip exact envelopes.
        var query = new FeatureQuery(layer.Definition.Table, bounds, names) { ReusableRecords = true, IndexBoundsSuffice = true };
        pendingCount = 0;
        symbols.Clear();
        (drawnStyle, drawnFields, drawnTransform, drawnZoom) = (style, names, transform, tile.Zoom);
        // Fills share one canvas layer: parcels with exactly shared edges are composited once, without seams.
        canvas.BeginLayer();
        try
        {
            if (layer.Source is IFeatureRowScan rows)
            {
                rows.Scan(query, this, cancellationToken);
            }
            else
            {
                await foreach (var feature in layer.Source.QueryAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    Visit(feature.Fid, feature.Wkb.Span, feature.Values);
                }
            }

            DrawBatch();
        }
        finally
        {
            batch.Clear();
            canvas.EndLayer();
            drawnStyle = null;
        }

        // Hatches and outlines go above all of the layer's fills, so a neighbour's fill never covers a line.
        for (int i = 0; i < pendingCount; i++)
        {
            ResolvedSymbol symbol = pendingSymbols[i];
            if (pendingPolygonal[i] && symbol.Hatch is { } hatch)
            {
                canvas.FillHatch(paths[i], HatchForTile(symbol, hatch, tile), FillRule.EvenOdd);
            }

            if (symbol.Stroke is { } stroke && symbol.StrokePaint is { } paint)
            {
                canvas.StrokePath(paths[i], stroke, paint);
            }
        }

        Array.Clear(pendingSymbols, 0, pendingCount);
    }

    /// <summary>Takes one feature of the layer being drawn: its symbol now, its WKB into the batch, drawn when the
    /// batch is full or the layer's rows are all read.</summary>
    public void Visit(long fid, ReadOnlySpan<byte> wkb, object?[] values)
    {
        if (Resolve(drawnStyle!, drawnFields, values, drawnZoom) is not { } symbol)
        {
            return;
        }

        if (!batch.Fits(wkb.Length))
        {
            DrawBatch();
        }

        batch.Add(wkb, symbol);
    }

    /// <summary>Draws the batch's features: fills now, hatches and outlines kept for after the layer's fills.</summary>
    private void DrawBatch()
    {
        for (int i = 0; i < batch.Count; i++)
        {
            VectorPath path = PathAt(pendingCount);
            if (!WkbPathReader.TryRead(batch.Wkb(i), drawnTransform, path, out bool polygonal))
            {
                continue;
            }

            ResolvedSymbol symbol = batch.Symbol(i);
            if (polygonal && symbol.Fill is { } fill)
            {
                // Even-odd: holes are holes whatever the ring orientation the source wrote.
                canvas.FillPath(path, fill, FillRule.EvenOdd);
            }

            if ((polygonal && symbol.Hatch is not null) || symbol.Stroke is not null)
            {
                Keep(symbol, polygonal);
            }
        }

        batch.Clear();
    }

    /// <summary>The feature's symbol; for a style testing one field, remembered per distinct value for the layer.</summary>
    private ResolvedSymbol? Resolve(RasterLayerStyle style, string[] names, object?[] values, int zoom)
    {
        if (names.Length != 1)
        {
            return style.Painter.Resolve(style.SourceLayer, new FeatureAttributes(names, values), zoom);
        }

        object? value = values[0];
        if (!symbols.TryGet(value, out ResolvedSymbol? symbol))
        {
            symbol = style.Painter.Resolve(style.SourceLayer, new FeatureAttributes(names, values), zoom);
            symbols.Remember(value, symbol);
        }

        return symbol;
    }

    private byte[] Encode()
    {
        output.ResetWrittenCount();
        if (options.Indexed)
        {
            if (!encoder.Encode(canvas, indexedPng, output))
            {
                return [];
            }

            if (!encoder.LastPaletteWasQuantized || options.AllowQuantizedPalette)
            {
                return output.WrittenSpan.ToArray();
            }

            output.ResetWrittenCount();
        }

        return encoder.Encode(canvas, rgbaPng, output) ? output.WrittenSpan.ToArray() : [];
    }

    /// <summary>The path for the next feature: a pooled one not held by a pending stroke or hatch.</summary>
    private VectorPath PathAt(int index)
    {
        if (index == paths.Count)
        {
            paths.Add(new VectorPath());
        }

        return paths[index];
    }

    private void Keep(ResolvedSymbol symbol, bool polygonal)
    {
        if (pendingCount == pendingSymbols.Length)
        {
            Array.Resize(ref pendingSymbols, pendingCount * 2);
            Array.Resize(ref pendingPolygonal, pendingCount * 2);
        }

        pendingSymbols[pendingCount] = symbol;
        pendingPolygonal[pendingCount] = polygonal;
        pendingCount++;
    }

    /// <summary>Anchors the hatch at the world's pixel origin rather than the tile's, so hatch lines run on
    /// across tile edges.</summary>
    private HatchStyle HatchForTile(ResolvedSymbol symbol, HatchStyle hatch, TileCoordinate tile)
    {
        if (!tileHatches.TryGetValue(symbol, out HatchStyle? anchored))
        {
            anchored = new HatchStyle
            {
                Paint = hatch.Paint,
                Spacing = hatch.Spacing,
                LineWidth = hatch.LineWidth,
                AngleDegrees = hatch.AngleDegrees,
                OriginX = -(double)tile.Column * TileSize,
                OriginY = -(double)tile.Row * TileSize,
            };
            tileHatches[symbol] = anchored;
        }

        return anchored;
    }

    /// <summary>The tile's bounds in degrees, grown by the pixel buffer.</summary>
    private static BoundingBox QueryBounds(TileCoordinate tile, double bufferPixels)
    {
        var meters = WebMercator.TileBoundsMeters(tile);
        double pad = meters.Width * bufferPixels / TileSize;
        var buffered = meters.Buffer(pad, pad);
        return new BoundingBox(
            WebMercator.XToLongitude(buffered.MinX), WebMercator.YToLatitude(buffered.MinY),
            WebMercator.XToLongitude(buffered.MaxX), WebMercator.YToLatitude(buffered.MaxY));
    }
}
