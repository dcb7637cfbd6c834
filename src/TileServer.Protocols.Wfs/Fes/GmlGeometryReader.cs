namespace TileServer.Protocols.Wfs.Fes;

using System.Globalization;
using System.Xml.Linq;
using NetTopologySuite.Geometries;
using TileServer.Core.Crs;

/// <summary>Reads the GML 3.2 geometries a filter may carry (07-036 §10–11): Envelope, Point, LineString,
/// Polygon, MultiPoint, MultiCurve/MultiLineString, MultiSurface/MultiPolygon, with pos/posList (and
/// GML 3.1 namespace spellings). Coordinates come back as written (the caller swaps per srsName).</summary>
public static class GmlGeometryReader
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>The element's srsName, inherited from <paramref name="fallback"/> when absent.</summary>
    public static CrsReference Crs(XElement element, CrsReference fallback)
    {
        ArgumentNullException.ThrowIfNull(element);
        string? name = (string?)element.Attribute("srsName");
        return name is null ? fallback : StorageGeometry.ParseCrs(name, "filter");
    }

    public static Geometry Read(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Name.Namespace != WfsNamespaces.Gml && element.Name.Namespace != WfsNamespaces.Gml31)
            throw Parsing($"expected a GML geometry, found {element.Name.LocalName}");
        return element.Name.LocalName switch
        {
            "Envelope" => EnvelopePolygon(element),
            "Point" => Factory.CreatePoint(Positions(Child(element, "pos", "coordinates"))[0]),
            "LineString" => Factory.CreateLineString(Positions(Child(element, "posList", "pos", "coordinates"))),
            "Polygon" => Polygon(element),
            "MultiPoint" => Factory.CreateMultiPoint(Members(element, "pointMember", "pointMembers").Select(m => (Point)Read(m)).ToArray()),
            "MultiCurve" or "MultiLineString" => Factory.CreateMultiLineString(
                Members(element, "curveMember", "curveMembers", "lineStringMember").Select(m => (LineString)Read(m)).ToArray()),
            "MultiSurface" or "MultiPolygon" => Factory.CreateMultiPolygon(
                Members(element, "surfaceMember", "surfaceMembers", "polygonMember").Select(m => (Polygon)Read(m)).ToArray()),
            _ => throw new WfsException(WfsException.InvalidParameterValue, "filter", $"geometry operand gml:{element.Name.LocalName} is not supported"),
        };
    }

    private static Geometry EnvelopePolygon(XElement element)
    {
        var lower = Positions(Child(element, "lowerCorner"))[0];
        var upper = Positions(Child(element, "upperCorner"))[0];
        if (lower.X > upper.X || lower.Y > upper.Y)
            throw new WfsException(WfsException.InvalidParameterValue, "filter", "gml:Envelope lowerCorner exceeds upperCorner");
        return Factory.CreatePolygon([new(lower.X, lower.Y), new(upper.X, lower.Y), new(upper.X, upper.Y), new(lower.X, upper.Y), new(lower.X, lower.Y)]);
    }

    private static Polygon Polygon(XElement element)
    {
        var exterior = element.Elements().FirstOrDefault(e => e.Name.LocalName is "exterior" or "outerBoundaryIs")
            ?? throw Parsing("gml:Polygon without gml:exterior");
        var holes = element.Elements().Where(e => e.Name.LocalName is "interior" or "innerBoundaryIs").Select(Ring).ToArray();
        return Factory.CreatePolygon(Ring(exterior), holes);
    }

    private static LinearRing Ring(XElement boundary)
    {
        var ring = boundary.Elements().FirstOrDefault(e => e.Name.LocalName == "LinearRing") ?? throw Parsing("polygon boundary without gml:LinearRing");
        var positions = ring.Elements().Any(e => e.Name.LocalName == "pos")
            ? ring.Elements().Where(e => e.Name.LocalName == "pos").Select(p => Positions(p)[0]).ToArray()
            : Positions(Child(ring, "posList", "coordinates"));
        try
        {
            return Factory.CreateLinearRing(positions);
        }
        catch (ArgumentException bad)
        {
            throw new WfsException(WfsException.InvalidParameterValue, "filter", "invalid gml:LinearRing: " + bad.Message);
        }
    }

    private static IEnumerable<XElement> Members(XElement element, params string[] names)
    {
        var members = new List<XElement>();
        foreach (var child in element.Elements().Where(e => names.Contains(e.Name.LocalName)))
            members.AddRange(child.Elements());
        return members.Count > 0 ? members : throw Parsing($"gml:{element.Name.LocalName} has no members");
    }

    private static XElement Child(XElement element, params string[] names) =>
        element.Elements().FirstOrDefault(e => names.Contains(e.Name.LocalName))
        ?? throw Parsing($"gml:{element.Name.LocalName} lacks gml:{names[0]}");

    /// <summary>pos / posList / lowerCorner: whitespace-separated numbers, two per position; gml:coordinates
    /// (GML 2 style): "x,y x,y".</summary>
    private static Coordinate[] Positions(XElement element)
    {
        string text = element.Value;
        var numbers = text.Split((char[])[' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        int dimension = int.TryParse((string?)element.Attribute("srsDimension") ?? (string?)element.Parent?.Attribute("srsDimension"), out int d) ? d : 2;
        if (dimension < 2 || numbers.Length == 0 || numbers.Length % dimension != 0)
            throw Parsing($"gml:{element.Name.LocalName} must hold {dimension} numbers per position");
        var result = new Coordinate[numbers.Length / dimension];
        for (int i = 0; i < result.Length; i++)
            result[i] = new Coordinate(Number(numbers[i * dimension]), Number(numbers[i * dimension + 1]));
        return result;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value : throw Parsing($"'{text}' is not a number");

    private static WfsException Parsing(string message) => new(WfsException.OperationParsingFailed, "filter", message);
}
