namespace TileServer.Services.Seeding;

using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;

/// <summary>The envelope of the features of a layer whose field equals a value, e.g. the 行政区 (xzq)
/// feature with xzqdm 130881, read through the layer's source so it works for GeoPackage and PostGIS
/// alike. The filter runs here because <see cref="FeatureQuery"/> has no attribute filter; xzq tables are
/// small (one row per unit).</summary>
public static class FeatureExtent
{
    public static async Task<BoundingBox> FindAsync(PublishedLayer layer, string field, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var query = new FeatureQuery(layer.Definition.Table, Bounds: null, Fields: [field]);
        var reader = new WKBReader();
        var box = BoundingBox.Empty;
        await foreach (var feature in layer.Source.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(Convert.ToString(feature.Values[0], System.Globalization.CultureInfo.InvariantCulture), value, StringComparison.Ordinal))
            {
                var envelope = reader.Read(feature.Wkb.ToArray()).EnvelopeInternal;
                if (!envelope.IsNull)
                {
                    box = box.ExpandToInclude(new BoundingBox(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY));
                }
            }
        }

        return box;
    }
}
