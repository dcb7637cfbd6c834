namespace TileServer.Services.FeatureInfo;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features;
using TileServer.Core.Geometry;
using TileServer.Core.Layers;
using TileServer.Services.Features;

/// <summary>The "what is here" use case behind WMTS GetFeatureInfo (OGC 07-057r7 §7.3): the source narrows
/// by envelope to a small box around the clicked point (its index answers that), then each candidate is tested
/// exactly with NetTopologySuite — polygons must cover the point itself, so a click near a shared parcel edge
/// names the parcel under the pixel centre and not its neighbour; lines and points count when they cross the
/// box, as they are only a few pixels wide on screen. Geometries stay in storage CRS (EPSG:4490 lon/lat).</summary>
public static class FeatureInfoService
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Features of <paramref name="layer"/> at (<paramref name="longitude"/>, <paramref name="latitude"/>),
    /// in source order, at most <paramref name="maxFeatures"/> of them.</summary>
    /// <param name="searchBox">The lon/lat box of the pixel tolerance around the point; must contain it.</param>
    public static async Task<IReadOnlyList<FeatureItem>> FindAsync(PublishedLayer layer, double longitude, double latitude,
        BoundingBox searchBox, int maxFeatures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFeatures);
        var fields = layer.ExposedFields;
        var names = new string[fields.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = fields[i].Name;
        }

        var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
        var box = Factory.ToGeometry(new Envelope(searchBox.MinX, searchBox.MaxX, searchBox.MinY, searchBox.MaxY));
        var reader = new WKBReader(); // per request: NTS readers keep state
        var found = new List<FeatureItem>();
        var query = new FeatureQuery(layer.Definition.Table, searchBox, names);
        await foreach (var record in layer.Source.QueryAsync(query, cancellationToken).ConfigureAwait(false))
        {
            Geometry geometry = reader.Read(record.Wkb.ToArray());
            if (!Hits(geometry, point, box))
            {
                continue;
            }

            found.Add(new FeatureItem(record.Fid, geometry, fields, record.Values));
            if (found.Count == maxFeatures)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>Polygons: exact covers (boundary included). Other kinds: any contact with the tolerance box.</summary>
    public static bool Hits(Geometry geometry, Point point, Geometry box)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(box);
        if (geometry.IsEmpty)
        {
            return false;
        }

        return geometry is IPolygonal ? geometry.Covers(point) : geometry.Intersects(box);
    }
}
