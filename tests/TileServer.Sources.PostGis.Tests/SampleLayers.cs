namespace TileServer.Sources.PostGis.Tests;

using NetTopologySuite.Geometries;
using TileServer.Core.Features;

/// <summary>Deterministic synthetic parcels in CGCS2000 lon/lat around 平泉市 (118.7°E, 41.0°N).</summary>
internal static class SampleLayers
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    public static FeatureLayerSchema ParcelSchema(string name) => new(
        name, GeometryKind.MultiPolygon, 4490,
        [new FieldDefinition("bsm", FieldType.Text), new FieldDefinition("dlbm", FieldType.Text), new FieldDefinition("mj", FieldType.Real), new FieldDefinition("xh", FieldType.Integer)]);

    /// <summary><paramref name="count"/> parcels of <paramref name="vertices"/> vertices on a grid with
    /// jittered sizes; bsm is a numeric string as in the real data.</summary>
    public static FeatureLayerData Parcels(string name, int count, int vertices = 30, int seed = 1, long firstBsm = 1_308_810_000_000)
    {
        var random = new Random(seed);
        var side = (int)Math.Ceiling(Math.Sqrt(count));
        var features = new List<WritableFeature>(count);
        for (var i = 0; i < count; i++)
        {
            var cx = 118.6 + (i % side) * 0.002 + random.NextDouble() * 0.0005;
            var cy = 40.9 + (i / side) * 0.002 + random.NextDouble() * 0.0005;
            var radius = 0.0003 + random.NextDouble() * 0.0006;
            var polygon = Ring(cx, cy, radius, vertices);
            features.Add(new WritableFeature(Factory.CreateMultiPolygon([polygon]),
                [(firstBsm + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "0101", Math.Round(radius * radius * 1e10, 2), (long)i]));
        }

        return new FeatureLayerData(ParcelSchema(name), features);
    }

    public static Polygon Ring(double cx, double cy, double radius, int vertices)
    {
        var coordinates = new Coordinate[vertices + 1];
        for (var v = 0; v < vertices; v++)
        {
            var angle = -2 * Math.PI * v / vertices;
            coordinates[v] = new Coordinate(cx + radius * Math.Cos(angle), cy + radius * Math.Sin(angle));
        }

        coordinates[vertices] = coordinates[0].Copy();
        return Factory.CreatePolygon(coordinates);
    }

    /// <summary>A self-intersecting "bow tie": invalid, and ST_MakeValid turns it into two triangles.</summary>
    public static Polygon BowTie(double x, double y) => Factory.CreatePolygon(
    [
        new Coordinate(x, y), new Coordinate(x + 0.001, y + 0.001), new Coordinate(x + 0.001, y), new Coordinate(x, y + 0.001), new Coordinate(x, y),
    ]);
}
