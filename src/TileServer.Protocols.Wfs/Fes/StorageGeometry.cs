namespace TileServer.Protocols.Wfs.Fes;

using NetTopologySuite.Geometries;
using TileServer.Core.Crs;

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

    /// <summary>Transforms a geometry built from the client's coordinates into the storage CRS
    /// (<see cref="RequestGeometry"/>); coordinates the projection cannot invert (far outside the zone) are the
    /// client's error, reported on <paramref name="locator"/>.</summary>
    public static Geometry ToStorage(Geometry geometry, CrsReference crs, string locator, bool alreadyEastNorth = false)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(crs);
        var eastNorth = alreadyEastNorth ? geometry : RequestGeometry.EastNorth(geometry, crs);
        return RequestGeometry.TryToStorage(eastNorth, crs.Crs, out var storage)
            ? storage
            : throw WfsException.Invalid(locator, $"the coordinates lie outside the area of use of {crs.Name}");
    }
}
