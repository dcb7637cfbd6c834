namespace TileServer.Protocols.Wmts;

using System.Globalization;
using System.Text;
using System.Xml.Linq;
using NetTopologySuite.Geometries;

/// <summary>GML 3.1.1 geometry (OGC 03-105r1 §10) for GetFeatureInfo: Point/pos, LineString and LinearRing
/// posList, Polygon exterior/interior, MultiSurface, MultiCurve and MultiPoint. Coordinates are written in the
/// axis order of the EPSG URN srsName — latitude first for EPSG:4490 (06-121r3 §10.3.1).</summary>
public static class WmtsGmlGeometry
{
    public const string Cgcs2000Urn = "urn:ogc:def:crs:EPSG::4490";

    private static readonly XNamespace Gml = WmtsNamespaces.Gml;

    /// <summary>The geometry as a GML element with srsName, or null for an empty geometry.</summary>
    public static XElement? Element(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.IsEmpty)
        {
            return null;
        }

        XElement element = Body(geometry);
        element.Add(new XAttribute("srsName", Cgcs2000Urn));
        return element;
    }

    /// <summary>"lat lon" of a lon/lat position, as in the EPSG:4490 URN axis order.</summary>
    public static string Position(double longitude, double latitude) => Number(latitude) + " " + Number(longitude);

    private static XElement Body(Geometry geometry) => geometry switch
    {
        Point point => new XElement(Gml + "Point", new XElement(Gml + "pos", Position(point.X, point.Y))),
        LineString line => new XElement(Gml + "LineString", PosList(line.CoordinateSequence)),
        Polygon polygon => PolygonElement(polygon),
        MultiPolygon multi => Members("MultiSurface", "surfaceMember", multi),
        MultiLineString multi => Members("MultiCurve", "curveMember", multi),
        MultiPoint multi => Members("MultiPoint", "pointMember", multi),
        GeometryCollection collection => Members("MultiGeometry", "geometryMember", collection),
        _ => throw new NotSupportedException($"geometry type {geometry.GeometryType} has no GML form here"),
    };

    private static XElement Members(string name, string member, GeometryCollection collection)
    {
        var element = new XElement(Gml + name);
        foreach (Geometry part in collection.Geometries)
        {
            if (!part.IsEmpty)
            {
                element.Add(new XElement(Gml + member, Body(part)));
            }
        }

        return element;
    }

    private static XElement PolygonElement(Polygon polygon)
    {
        var element = new XElement(Gml + "Polygon",
            new XElement(Gml + "exterior", new XElement(Gml + "LinearRing", PosList(polygon.Shell.CoordinateSequence))));
        foreach (LinearRing hole in polygon.Holes)
        {
            element.Add(new XElement(Gml + "interior", new XElement(Gml + "LinearRing", PosList(hole.CoordinateSequence))));
        }

        return element;
    }

    private static XElement PosList(CoordinateSequence sequence)
    {
        var text = new StringBuilder(sequence.Count * 36);
        for (int i = 0; i < sequence.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(Position(sequence.GetX(i), sequence.GetY(i)));
        }

        return new XElement(Gml + "posList", new XAttribute("srsDimension", "2"), text.ToString());
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
