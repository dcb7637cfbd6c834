namespace TileServer.Core.Crs;

/// <summary>How a client wrote a CRS name, which decides the axis order of coordinates it sends and expects.</summary>
public enum CrsForm
{
    /// <summary>"EPSG:4490": the traditional form; GeoServer, MapServer and GDAL treat it as x/y (longitude first).</summary>
    Short,

    /// <summary>"urn:ogc:def:crs:EPSG::4490" (also urn:x-ogc:…): the authority's axis order (OGC 07-092r3).</summary>
    Urn,

    /// <summary>"http://www.opengis.net/def/crs/EPSG/0/4490": the authority's axis order (OGC 09-048r5, OGC API – Features Part 2).</summary>
    Uri,
}
