namespace TileServer.Protocols.OgcApi.Cql2;

using NetTopologySuite.Geometries;

/// <summary>Reads the spatial literals of CQL2 text (21-065r2 §8, rule spatialInstance): WKT POINT, LINESTRING,
/// POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION (2D, or with a Z that is dropped: the
/// data is 2D) and BBOX(x1, y1, x2, y2[, …]). Coordinates stay as written, in the filter-crs axis order; the
/// caller swaps and transforms them (<see cref="Cql2StorageGeometry"/>). A BBOX is returned as its polygon, with
/// the numbers read like the bbox parameter: lower corner first, then upper corner (Part 1 §7.15.4).</summary>
internal sealed class Cql2GeometryReader(Cql2TokenCursor cursor)
{
    private static readonly GeometryFactory Factory = new();

    public static bool StartsGeometry(Cql2Token token) =>
        token.Kind == Cql2TokenKind.Word && token.Text.ToUpperInvariant() is "POINT" or "LINESTRING" or "POLYGON" or "MULTIPOINT"
            or "MULTILINESTRING" or "MULTIPOLYGON" or "GEOMETRYCOLLECTION" or "BBOX" or "ENVELOPE";

    public Geometry Read()
    {
        var keyword = cursor.Expect(Cql2TokenKind.Word, "a geometry literal (POINT, POLYGON, BBOX …)");
        string type = keyword.Text.ToUpperInvariant();
        if (type == "BBOX")
            return Box(keyword);
        if (type == "ENVELOPE")
            throw Cql2SyntaxError.At(keyword, "ENVELOPE is not a CQL2 literal; use BBOX(minx, miny, maxx, maxy)");
        // A Z (or ZM, M) marker: the server stores 2D geometries, heights are read and dropped.
        if (cursor.Current.Kind == Cql2TokenKind.Word && cursor.Current.Text.ToUpperInvariant() is "Z")
            cursor.Next();
        if (cursor.Current.IsWord("EMPTY"))
            throw Cql2SyntaxError.At(cursor.Current, $"{type} EMPTY cannot be used in a spatial predicate");
        try
        {
            return type switch
            {
                "POINT" => Factory.CreatePoint(Wrapped(Coordinate)),
                "LINESTRING" => Line(),
                "POLYGON" => Polygon(),
                "MULTIPOINT" => Factory.CreateMultiPoint(Wrapped(() => List(MultiPointMember))),
                "MULTILINESTRING" => Factory.CreateMultiLineString(Wrapped(() => List(Line))),
                "MULTIPOLYGON" => Factory.CreateMultiPolygon(Wrapped(() => List(Polygon))),
                "GEOMETRYCOLLECTION" => Collection(keyword),
                _ => throw Cql2SyntaxError.At(keyword, $"'{keyword.Text}' is not a geometry type"),
            };
        }
        catch (ArgumentException bad)
        {
            // NTS refuses structurally impossible geometries (a ring that is not closed, a line of one point).
            throw Cql2SyntaxError.At(keyword, $"invalid {type}: {bad.Message}");
        }
    }

    private Polygon Box(Cql2Token keyword)
    {
        cursor.Expect(Cql2TokenKind.LeftParen, "'(' after BBOX");
        var numbers = new List<double> { cursor.Number() };
        while (cursor.TryKind(Cql2TokenKind.Comma))
            numbers.Add(cursor.Number());
        cursor.Expect(Cql2TokenKind.RightParen, "')' closing BBOX");
        if (numbers.Count is not (4 or 6))
            throw Cql2SyntaxError.At(keyword, $"BBOX needs 4 (or 6) numbers, got {numbers.Count}");
        int half = numbers.Count / 2;
        double x1 = numbers[0], y1 = numbers[1], x2 = numbers[half], y2 = numbers[half + 1];
        if (x1 > x2 || y1 > y2)
            throw Cql2SyntaxError.At(keyword, "BBOX: the lower corner must not exceed the upper corner (boxes across the antimeridian are not supported)");
        return Factory.CreatePolygon([new(x1, y1), new(x2, y1), new(x2, y2), new(x1, y2), new(x1, y1)]);
    }

    private GeometryCollection Collection(Cql2Token keyword)
    {
        cursor.Descend(keyword);
        var members = Wrapped(() => List(Read));
        cursor.Ascend();
        return Factory.CreateGeometryCollection(members);
    }

    private LineString Line() => Factory.CreateLineString(Wrapped(() => List(Coordinate)));

    private Polygon Polygon()
    {
        var rings = Wrapped(() => List(() => Wrapped(() => List(Coordinate))));
        var shell = Factory.CreateLinearRing(rings[0]);
        return Factory.CreatePolygon(shell, [.. rings.Skip(1).Select(r => Factory.CreateLinearRing(r))]);
    }

    /// <summary>MULTIPOINT members are written "(x y)" or, in the older form, bare "x y".</summary>
    private Point MultiPointMember() =>
        Factory.CreatePoint(cursor.Current.Kind == Cql2TokenKind.LeftParen ? Wrapped(Coordinate) : Coordinate());

    private Coordinate Coordinate()
    {
        double x = cursor.Number();
        double y = cursor.Number();
        if (cursor.Current.Kind == Cql2TokenKind.Number)
            cursor.Number();
        return new Coordinate(x, y);
    }

    /// <summary>"(" item ")".</summary>
    private T Wrapped<T>(Func<T> item)
    {
        cursor.Expect(Cql2TokenKind.LeftParen, "'('");
        var result = item();
        cursor.Expect(Cql2TokenKind.RightParen, "')'");
        return result;
    }

    /// <summary>A comma-separated list of one or more items.</summary>
    private T[] List<T>(Func<T> item)
    {
        var items = new List<T> { item() };
        while (cursor.TryKind(Cql2TokenKind.Comma))
            items.Add(item());
        return [.. items];
    }
}
