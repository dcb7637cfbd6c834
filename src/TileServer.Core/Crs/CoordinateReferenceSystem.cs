namespace TileServer.Core.Crs;

using TileServer.Core.Tiling;

/// <summary>A CRS the server can read requests in and write features in. <see cref="AuthorityAxisOrder"/>
/// is the axis order of the authority's definition: EPSG:4490 and EPSG:4326 are latitude first, the
/// CGCS2000 Gauss-Krüger zones EPSG:4513–4554 are northing (X) first, EPSG:3857 and OGC CRS84 east first.
/// How coordinates are actually written depends on the form a client used to name the CRS
/// (<see cref="CrsReference"/>). <see cref="Wkt"/> is the OGC WKT 1 definition given to ProjNet (null for
/// the CRSs transformed by closed formulas).</summary>
public sealed record CoordinateReferenceSystem(
    string Authority,
    string Code,
    string Name,
    bool IsGeographic,
    CrsAxisOrder AuthorityAxisOrder,
    string? Wkt)
{
    /// <summary>"EPSG:4490", "OGC:CRS84".</summary>
    public string ShortForm => $"{Authority}:{Code}";

    /// <summary>OGC URN form (OGC 07-092r3), e.g. urn:ogc:def:crs:EPSG::4490.</summary>
    public string Urn => $"urn:ogc:def:crs:{Authority}:{(Authority == "OGC" ? "1.3" : "")}:{Code}";

    /// <summary>OGC http URI form (OGC 09-048r5), e.g. http://www.opengis.net/def/crs/EPSG/0/4490.</summary>
    public string Uri => $"http://www.opengis.net/def/crs/{Authority}/{(Authority == "OGC" ? "1.3" : "0")}/{Code}";

    /// <summary>The EPSG code, or null for OGC CRS84.</summary>
    public int? EpsgCode => Authority == "EPSG" ? int.Parse(Code, System.Globalization.CultureInfo.InvariantCulture) : null;
}
