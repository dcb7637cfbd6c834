namespace TileServer.Core.Crs;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;

/// <summary>
/// Geometries written by a client (a WFS FES operand, a WFS bbox, a CQL2 spatial literal) brought into storage
/// terms: swapped to east/north when the CRS form is latitude or northing first (OGC 07-092r3; WFS 2.0
/// §7.9.2.4.4; OGC API – Features Part 3 §8.3), then transformed to CGCS2000 longitude/latitude. Each protocol
/// adapter reports a failure in its own error format.
/// </summary>
public static class RequestGeometry
{
    /// <summary>The geometry with its axes in east/north order: a swapped copy when <paramref name="crs"/> is written
    /// latitude or northing first, else the geometry itself.</summary>
    public static NetTopologySuite.Geometries.Geometry EastNorth(NetTopologySuite.Geometries.Geometry written, CrsReference crs)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(crs);
        if (!crs.SwapsAxes)
        {
            return written;
        }

        var swapped = written.Copy();
        swapped.Apply(new AxisSwap());
        swapped.GeometryChanged();
        return swapped;
    }

    /// <summary>Transforms an east/north geometry in <paramref name="crs"/> to the storage CRS; false when the result
    /// is not a usable longitude/latitude geometry or, for a projected CRS, its corners do not project back to where
    /// they came from (a transverse Mercator inverse maps any easting/northing somewhere, but far outside its zone
    /// it is no longer invertible).</summary>
    public static bool TryToStorage(NetTopologySuite.Geometries.Geometry eastNorth, CoordinateReferenceSystem crs, out NetTopologySuite.Geometries.Geometry storage)
    {
        ArgumentNullException.ThrowIfNull(eastNorth);
        ArgumentNullException.ThrowIfNull(crs);
        var input = eastNorth.EnvelopeInternal;
        var transformer = CrsTransformer.ToStorage(crs);
        storage = transformer.IsIdentity ? eastNorth : transformer.Transform(eastNorth);
        var e = storage.EnvelopeInternal;
        var valid = double.IsFinite(e.MinX) && double.IsFinite(e.MinY) && double.IsFinite(e.MaxX) && double.IsFinite(e.MaxY)
            && e.MinY >= -90.0001 && e.MaxY <= 90.0001 && e.MinX >= -540 && e.MaxX <= 540;
        if (valid && !crs.IsGeographic)
        {
            valid = RoundTrips(crs, input.MinX, input.MinY) && RoundTrips(crs, input.MaxX, input.MaxY);
        }

        return valid;
    }

    /// <summary>A spatial filter on a storage-CRS geometry: its WKB and its envelope.</summary>
    public static SpatialFilter Filter(SpatialOperator op, NetTopologySuite.Geometries.Geometry storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new SpatialFilter(op, new WKBWriter().Write(storage), Envelope(storage));
    }

    /// <summary>The geometry's envelope as a <see cref="BoundingBox"/>.</summary>
    public static BoundingBox Envelope(NetTopologySuite.Geometries.Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var e = geometry.EnvelopeInternal;
        return new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY);
    }

    private static bool RoundTrips(CoordinateReferenceSystem crs, double x, double y)
    {
        var (lon, lat) = CrsTransformer.ToStorage(crs).Transform(x, y);
        var (bx, by) = CrsTransformer.FromStorage(crs).Transform(lon, lat);
        return double.IsFinite(bx) && double.IsFinite(by) && Math.Abs(bx - x) < 1 && Math.Abs(by - y) < 1;
    }

    private sealed class AxisSwap : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var first = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, first);
        }
    }
}
