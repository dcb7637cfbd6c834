namespace TileServer.Protocols.OgcApi.Cql2;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;

/// <summary>Brings a CQL2 spatial literal into storage terms for a <see cref="SpatialFilter"/>: coordinates are
/// read in the axis order of filter-crs (Part 3 §8.3: CRS84 by default, longitude first; latitude first for the
/// EPSG:4490/4326 URIs, northing first for the Gauss-Krüger zones), swapped to east/north, then transformed to
/// CGCS2000 longitude/latitude. The WFS adapter does the same for GML operands; adapters may not share code.</summary>
internal static class Cql2StorageGeometry
{
    public static SpatialFilter Filter(SpatialOperator op, Geometry written, CrsReference crs, int position)
    {
        var geometry = ToStorage(written, crs, position);
        var e = geometry.EnvelopeInternal;
        return new SpatialFilter(op, new WKBWriter().Write(geometry), new BoundingBox(e.MinX, e.MinY, e.MaxX, e.MaxY));
    }

    private static Geometry ToStorage(Geometry written, CrsReference crs, int position)
    {
        var geometry = written.Copy();
        if (crs.SwapsAxes)
        {
            geometry.Apply(new AxisSwap());
            geometry.GeometryChanged();
        }

        var input = geometry.EnvelopeInternal;
        if (crs.Crs.IsGeographic && (input.MinY < -90 || input.MaxY > 90))
            throw Cql2SyntaxError.At(position, $"latitudes must lie within [-90, 90] (filter-crs {crs.Crs.Uri} reads {(crs.SwapsAxes ? "latitude" : "longitude")} first)");
        var transformer = CrsTransformer.ToStorage(crs.Crs);
        if (!transformer.IsIdentity)
            geometry = transformer.Transform(geometry);
        var e = geometry.EnvelopeInternal;
        bool valid = double.IsFinite(e.MinX) && double.IsFinite(e.MinY) && double.IsFinite(e.MaxX) && double.IsFinite(e.MaxY)
            && e.MinY >= -90.0001 && e.MaxY <= 90.0001 && e.MinX >= -540 && e.MaxX <= 540;
        // Far outside its zone a transverse Mercator inverse still returns numbers, but they no longer project back.
        if (valid && !crs.Crs.IsGeographic)
            valid = RoundTrips(crs.Crs, input.MinX, input.MinY) && RoundTrips(crs.Crs, input.MaxX, input.MaxY);
        if (!valid)
            throw Cql2SyntaxError.At(position, $"the geometry lies outside the area of use of {crs.Crs.Uri}");
        return geometry;
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
            double first = seq.GetX(i);
            seq.SetX(i, seq.GetY(i));
            seq.SetY(i, first);
        }
    }
}
