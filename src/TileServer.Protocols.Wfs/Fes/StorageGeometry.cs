namespace TileServer.Protocols.Wfs.Fes;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;

/// <summary>Brings request geometries into storage terms: CRS names parsed with their axis-order form,
/// coordinates swapped to east/north when the form is latitude/northing first (WFS 2.0 §7.9.2.4.4 via
/// OGC 07-092r3), then transformed to CGCS2000 longitude/latitude.</summary>
public static class StorageGeometry
{
    public static readonly CrsReference DefaultCrs = new(CrsRegistry.Cgcs2000, CrsForm.Urn);

    private static readonly GeometryFactory Factory = new();

    public static CrsReference ParseCrs(string text, string locator) =>
        CrsRegistry.TryParse(text, out var reference)
            ? reference
            : throw WfsException.Invalid(locator, $"CRS '{text}' is not supported (use EPSG:4490, 4326, 3857 or 4513–4554 in the EPSG:n, URN or http URI form)");

    /// <summary>A box given as written by the client (axis order of <paramref name="crs"/>) as a storage-CRS polygon.</summary>
    public static Geometry Box(double a1, double a2, double b1, double b2, CrsReference crs)
    {
        var (minX, minY, maxX, maxY) = crs.SwapsAxes ? (a2, a1, b2, b1) : (a1, a2, b1, b2);
        if (minX > maxX || minY > maxY)
            throw WfsException.Invalid("bbox", "the lower corner must not exceed the upper corner");
        var ring = new[] { new Coordinate(minX, minY), new Coordinate(maxX, minY), new Coordinate(maxX, maxY), new Coordinate(minX, maxY), new Coordinate(minX, minY) };
        return ToStorage(Factory.CreatePolygon(ring), crs, "bbox", alreadyEastNorth: true);
    }

    /// <summary>Transforms a geometry built from the client's coordinates into the storage CRS; coordinates
    /// the projection cannot invert (far outside the zone) are the client's error, reported on <paramref name="locator"/>.</summary>
    public static Geometry ToStorage(Geometry geometry, CrsReference crs, string locator, bool alreadyEastNorth = false)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(crs);
        var result = geometry;
        if (crs.SwapsAxes && !alreadyEastNorth)
        {
            result = geometry.Copy();
            result.Apply(new SwapFilter());
            result.GeometryChanged();
        }

        var input = result.EnvelopeInternal;
        var transformer = CrsTransformer.ToStorage(crs.Crs);
        if (!transformer.IsIdentity)
            result = transformer.Transform(result);
        var e = result.EnvelopeInternal;
        bool valid = double.IsFinite(e.MinX) && double.IsFinite(e.MinY) && double.IsFinite(e.MaxX) && double.IsFinite(e.MaxY)
            && e.MinY >= -90.0001 && e.MaxY <= 90.0001 && e.MinX >= -540 && e.MaxX <= 540;
        // A transverse Mercator inverse maps any easting/northing somewhere; far outside the zone it is no longer
        // invertible, which shows as corners that do not project back to where they came from.
        if (valid && crs.Crs.Wkt is not null && !crs.Crs.IsGeographic)
            valid = RoundTrips(crs, input.MinX, input.MinY) && RoundTrips(crs, input.MaxX, input.MaxY);
        if (!valid)
            throw WfsException.Invalid(locator, $"the coordinates lie outside the area of use of {crs.Name}");
        return result;
    }

    private static bool RoundTrips(CrsReference crs, double x, double y)
    {
        var (lon, lat) = CrsTransformer.ToStorage(crs.Crs).Transform(x, y);
        var (bx, by) = CrsTransformer.FromStorage(crs.Crs).Transform(lon, lat);
        return double.IsFinite(bx) && double.IsFinite(by) && Math.Abs(bx - x) < 1 && Math.Abs(by - y) < 1;
    }

    public static SpatialFilter Filter(SpatialOperator op, Geometry storageGeometry)
    {
        var e = storageGeometry.EnvelopeInternal;
        return new SpatialFilter(op, new WKBWriter().Write(storageGeometry), new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY));
    }

    public static BoundingBox Envelope(Geometry geometry)
    {
        var e = geometry.EnvelopeInternal;
        return new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY);
    }

    private sealed class SwapFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            double x = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, x);
        }
    }
}
