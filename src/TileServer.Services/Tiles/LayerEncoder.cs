namespace TileServer.Services.Tiles;

using System.Buffers;
using System.Globalization;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Core.Tiling;
using TileServer.Mvt;

/// <summary>Reads one layer's features for a tile of <paramref name="set"/> from its source and writes them as
/// an MVT layer in that tile's coordinate space, each feature's geometry read into <paramref name="geometry"/> (a
/// pooled buffer, reset for every feature).</summary>
internal sealed class LayerEncoder(MvtTileWriter writer, MvtGeometry geometry, VectorTileOptions options, TileMatrixSet set, TileCoordinate tile)
{
    private readonly TileTransform transform = new(set, tile, options.Extent);

    public async Task EncodeAsync(PublishedLayer layer, CancellationToken cancellationToken)
    {
        var fields = layer.ExposedFields;
        string[] names = new string[fields.Count + (IdFieldIsExtra(layer) ? 1 : 0)];
        for (int i = 0; i < fields.Count; i++) names[i] = fields[i].Name;
        int idIndex = layer.Definition.IdField is { } idField ? Array.IndexOf(names, idField) : -1;
        if (idIndex < 0 && layer.Definition.IdField is not null)
        {
            idIndex = names.Length - 1;
            names[idIndex] = layer.Definition.IdField;
        }

        double unitsPerPixel = options.ExtentUnitsPerPixel;
        writer.BeginLayer(layer.Id, options.SimplifyPixels * unitsPerPixel, options.MinPolygonAreaPixels * unitsPerPixel * unitsPerPixel);
        var query = new FeatureQuery(layer.Definition.Table, QueryBounds(), names);
        MvtAttribute[] attributes = ArrayPool<MvtAttribute>.Shared.Rent(fields.Count);
        try
        {
            await foreach (var feature in layer.Source.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (!WkbTileGeometryReader.TryRead(feature.Wkb.Span, transform, geometry))
                {
                    continue;
                }

                int count = 0;
                for (int i = 0; i < fields.Count; i++)
                {
                    if (ToValue(feature.Values[i]) is { } value)
                    {
                        attributes[count++] = new MvtAttribute(names[i], value);
                    }
                }

                writer.AddFeature(FeatureId(feature, idIndex), geometry, attributes.AsSpan(0, count));
            }
        }
        finally
        {
            ArrayPool<MvtAttribute>.Shared.Return(attributes, clearArray: true);
            writer.EndLayer();
        }
    }

    private static bool IdFieldIsExtra(PublishedLayer layer) =>
        layer.Definition.IdField is { } id && !layer.ExposedFields.Any(f => f.Name == id);

    /// <summary>The tile's bounds in degrees, grown by the buffer so clipped edges stay continuous.</summary>
    private BoundingBox QueryBounds()
    {
        if (set.IsGeographic)
        {
            var degrees = set.TileBounds(tile);
            double margin = degrees.Width * options.Buffer / options.Extent;
            return degrees.Buffer(margin, margin);
        }

        var meters = WebMercator.TileBoundsMeters(tile);
        double pad = meters.Width * options.Buffer / options.Extent;
        var buffered = meters.Buffer(pad, pad);
        return new BoundingBox(
            WebMercator.XToLongitude(buffered.MinX), WebMercator.YToLatitude(buffered.MinY),
            WebMercator.XToLongitude(buffered.MaxX), WebMercator.YToLatitude(buffered.MaxY));
    }

    /// <summary>MVT ids are unsigned integers (MVT 2.1 §4.2): a numeric id attribute such as bsm is used
    /// as is; otherwise the source row id keeps ids stable across tiles.</summary>
    private static ulong? FeatureId(FeatureRecord feature, int idIndex)
    {
        if (idIndex >= 0)
        {
            switch (feature.Values[idIndex])
            {
                case long l when l >= 0: return (ulong)l;
                case string s when ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out ulong parsed): return parsed;
            }
        }

        return feature.Fid >= 0 ? (ulong)feature.Fid : null;
    }

    private static MvtValue? ToValue(object? value) => value switch
    {
        null => (MvtValue?)null,
        string s => MvtValue.FromString(s),
        long l => MvtValue.FromLong(l),
        int i => MvtValue.FromLong(i),
        double d => MvtValue.FromDouble(d),
        float f => MvtValue.FromFloat(f),
        bool b => MvtValue.FromBool(b),
        _ => MvtValue.FromString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };
}
