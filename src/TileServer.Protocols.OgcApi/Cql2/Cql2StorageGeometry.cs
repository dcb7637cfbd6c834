namespace TileServer.Protocols.OgcApi.Cql2;

using NetTopologySuite.Geometries;
using TileServer.Core.Crs;
using TileServer.Core.Features.Filtering;

/// <summary>Brings a CQL2 spatial literal into storage terms for a <see cref="SpatialFilter"/>: coordinates are
/// read in the axis order of filter-crs (Part 3 §8.3: CRS84 by default, longitude first; latitude first for the
/// EPSG:4490/4326 URIs, northing first for the Gauss-Krüger zones), swapped to east/north, then transformed to
/// CGCS2000 longitude/latitude (<see cref="RequestGeometry"/>, shared with the WFS adapter's GML operands).</summary>
internal static class Cql2StorageGeometry
{
    public static SpatialFilter Filter(SpatialOperator op, Geometry written, CrsReference crs, int position)
    {
        var eastNorth = RequestGeometry.EastNorth(written, crs);
        var input = eastNorth.EnvelopeInternal;
        if (crs.Crs.IsGeographic && (input.MinY < -90 || input.MaxY > 90))
            throw Cql2SyntaxError.At(position, $"latitudes must lie within [-90, 90] (filter-crs {crs.Crs.Uri} reads {(crs.SwapsAxes ? "latitude" : "longitude")} first)");
        // Longitudes too (docs/ogcapi.md: coordinates outside the filter-crs are an error): a point at 200° E matched
        // nothing instead of being refused, which hides a swapped or mistyped coordinate.
        if (crs.Crs.IsGeographic && (input.MinX < -180 || input.MaxX > 180))
            throw Cql2SyntaxError.At(position, $"longitudes must lie within [-180, 180] (filter-crs {crs.Crs.Uri} reads {(crs.SwapsAxes ? "latitude" : "longitude")} first)");
        return RequestGeometry.TryToStorage(eastNorth, crs.Crs, out var storage)
            ? RequestGeometry.Filter(op, storage)
            : throw Cql2SyntaxError.At(position, $"the geometry lies outside the area of use of {crs.Crs.Uri}");
    }
}
