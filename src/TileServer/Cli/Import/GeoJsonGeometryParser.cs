namespace TileServer.Cli.Import;

using System.Text.Json;
using NetTopologySuite.Geometries;
using TileServer.Core.Errors;

/// <summary>Turns RFC 7946 geometry objects into NetTopologySuite geometries (2D; extra ordinates ignored).</summary>
public static class GeoJsonGeometryParser
{
    public static Geometry Parse(JsonElement geometry, GeometryFactory factory, string path)
    {
        string type = geometry.GetProperty("type").GetString() ?? "";
        var c = geometry.TryGetProperty("coordinates", out var coordinates) ? coordinates : default;
        return type switch
        {
            "Point" => factory.CreatePoint(Position(c)),
            "LineString" => factory.CreateLineString(Positions(c)),
            "Polygon" => Polygon(c, factory),
            "MultiPoint" => factory.CreateMultiPointFromCoords(Positions(c)),
            "MultiLineString" => factory.CreateMultiLineString(c.EnumerateArray().Select(l => factory.CreateLineString(Positions(l))).ToArray()),
            "MultiPolygon" => factory.CreateMultiPolygon(c.EnumerateArray().Select(p => Polygon(p, factory)).ToArray()),
            "GeometryCollection" => factory.CreateGeometryCollection(geometry.GetProperty("geometries").EnumerateArray().Select(g => Parse(g, factory, path)).ToArray()),
            _ => throw new DataSourceException($"{path}: unsupported GeoJSON geometry type '{type}'"),
        };
    }

    private static Polygon Polygon(JsonElement rings, GeometryFactory factory)
    {
        var linear = rings.EnumerateArray().Select(r => factory.CreateLinearRing(Positions(r))).ToArray();
        return linear.Length == 0 ? factory.CreatePolygon() : factory.CreatePolygon(linear[0], linear[1..]);
    }

    private static Coordinate[] Positions(JsonElement array) => array.EnumerateArray().Select(Position).ToArray();

    private static Coordinate Position(JsonElement position) => new(position[0].GetDouble(), position[1].GetDouble());
}
