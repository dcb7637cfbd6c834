namespace TileServer.Protocols.Wfs;

using System.Globalization;
using System.Xml;
using NetTopologySuite.Geometries;

/// <summary>Writes NTS geometries as GML 3.2 (07-036): Point/pos, LineString/posList, Polygon with
/// exterior/interior LinearRings, MultiPoint, MultiCurve and MultiSurface, every geometry with a gml:id
/// (required by AbstractGMLType) and the outer one with srsName and srsDimension. Coordinates arrive
/// east/north and are written in the axis order of the requested CRS form.</summary>
internal sealed class GmlGeometryWriter(XmlWriter xml, string srsName, bool swapAxes)
{
    private const string Gml = "http://www.opengis.net/gml/3.2";
    private char[] buffer = new char[4096];

    public void Write(Geometry geometry, string id)
    {
        switch (geometry)
        {
            case Point point:
                Start("Point", id, outer: true);
                Positions("pos", point.CoordinateSequence);
                xml.WriteEndElement();
                break;
            case LineString line:
                Start("LineString", id, outer: true);
                Positions("posList", line.CoordinateSequence);
                xml.WriteEndElement();
                break;
            case Polygon polygon:
                Polygon(polygon, id, outer: true);
                break;
            case MultiPoint points:
                Multi(points, id, "MultiPoint", "pointMember", (part, partId) =>
                {
                    Start("Point", partId, outer: false);
                    Positions("pos", ((Point)part).CoordinateSequence);
                    xml.WriteEndElement();
                });
                break;
            case MultiLineString lines:
                Multi(lines, id, "MultiCurve", "curveMember", (part, partId) =>
                {
                    Start("LineString", partId, outer: false);
                    Positions("posList", ((LineString)part).CoordinateSequence);
                    xml.WriteEndElement();
                });
                break;
            case MultiPolygon polygons:
                Multi(polygons, id, "MultiSurface", "surfaceMember", (part, partId) => Polygon((Polygon)part, partId, outer: false));
                break;
            default:
                throw new NotSupportedException($"geometry type {geometry.GeometryType} has no GML encoding here");
        }
    }

    private void Multi(GeometryCollection collection, string id, string name, string member, Action<Geometry, string> writePart)
    {
        Start(name, id, outer: true);
        for (int i = 0; i < collection.NumGeometries; i++)
        {
            xml.WriteStartElement("gml", member, Gml);
            writePart(collection.GetGeometryN(i), $"{id}.{i + 1}");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void Polygon(Polygon polygon, string id, bool outer)
    {
        Start("Polygon", id, outer);
        Ring("exterior", polygon.Shell);
        foreach (var hole in polygon.Holes)
            Ring("interior", hole);
        xml.WriteEndElement();
    }

    private void Ring(string boundary, LineString ring)
    {
        xml.WriteStartElement("gml", boundary, Gml);
        xml.WriteStartElement("gml", "LinearRing", Gml);
        Positions("posList", ring.CoordinateSequence);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void Start(string name, string id, bool outer)
    {
        xml.WriteStartElement("gml", name, Gml);
        xml.WriteAttributeString("gml", "id", Gml, id);
        if (outer)
        {
            xml.WriteAttributeString("srsName", srsName);
            xml.WriteAttributeString("srsDimension", "2");
        }
    }

    /// <summary>A pos/posList: the numbers are formatted straight into one reused char buffer and written with
    /// WriteChars — no string per number and no copy of the whole list (the GML path's hot spot in the
    /// feature streaming benchmark, docs/benchmarks.md).</summary>
    private void Positions(string element, CoordinateSequence sequence)
    {
        int length = 0;
        for (int i = 0; i < sequence.Count; i++)
        {
            double x = sequence.GetX(i), y = sequence.GetY(i);
            if (i > 0)
                Append(' ', ref length);
            AppendNumber(swapAxes ? y : x, ref length);
            Append(' ', ref length);
            AppendNumber(swapAxes ? x : y, ref length);
        }

        xml.WriteStartElement("gml", element, Gml);
        xml.WriteChars(buffer, 0, length);
        xml.WriteEndElement();
    }

    private void Append(char c, ref int length)
    {
        if (length == buffer.Length)
            Array.Resize(ref buffer, buffer.Length * 2);
        buffer[length++] = c;
    }

    /// <summary>The same text as <see cref="WfsXml.Number"/> (round-trip "R", invariant culture).</summary>
    private void AppendNumber(double value, ref int length)
    {
        int written;
        while (!value.TryFormat(buffer.AsSpan(length), out written, "R", CultureInfo.InvariantCulture))
            Array.Resize(ref buffer, buffer.Length * 2);
        length += written;
    }
}
