namespace TileServer.Sources.GeoPackage.Tests.Support;

using NetTopologySuite.Geometries;
using TileServer.Core.Features;

/// <summary>Deterministic random layers in EPSG:4490 covering every geometry kind the tests need.</summary>
public static class SampleLayers
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    public static readonly IReadOnlyList<FieldDefinition> ParcelFields =
    [
        new("dlbm", FieldType.Text, "地类编码"),
        new("bsm", FieldType.Integer, "标识码"),
        new("mj", FieldType.Real, "面积"),
    ];

    public static FeatureLayerData Parcels(int count, int verticesPerRing = 30, int seed = 1, string name = "parcels")
    {
        var random = new Random(seed);
        var features = new List<WritableFeature>(count);
        for (var i = 0; i < count; i++)
        {
            var polygon = RandomPolygon(random, verticesPerRing);
            object?[] values = [i % 7 == 0 ? null : $"地类{i % 13:D4}", (long)i * 3, i % 5 == 0 ? null : random.NextDouble() * 1000];
            features.Add(new WritableFeature(polygon, values));
        }

        return new FeatureLayerData(
            new FeatureLayerSchema(name, GeometryKind.Polygon, 4490, ParcelFields, "地块", "测试用地块图层"),
            features);
    }

    public static FeatureLayerData Roads(int count, int seed = 2)
    {
        var random = new Random(seed);
        var features = new List<WritableFeature>(count);
        for (var i = 0; i < count; i++)
        {
            var x = 110 + random.NextDouble() * 5;
            var y = 30 + random.NextDouble() * 5;
            var points = Enumerable.Range(0, 2 + random.Next(6))
                .Select(k => new Coordinate(x + k * 0.01, y + random.NextDouble() * 0.01)).ToArray();
            features.Add(new WritableFeature(Factory.CreateLineString(points), [$"road {i}"]));
        }

        return new FeatureLayerData(
            new FeatureLayerSchema("roads", GeometryKind.LineString, 4490, [new FieldDefinition("name", FieldType.Text)], "Roads"),
            features);
    }

    public static FeatureLayerData Wells(int count, int seed = 3)
    {
        var random = new Random(seed);
        var features = new List<WritableFeature>(count);
        for (var i = 0; i < count; i++)
        {
            var point = Factory.CreatePoint(new Coordinate(116 + random.NextDouble(), 39 + random.NextDouble()));
            features.Add(new WritableFeature(point, [(long)i, random.NextDouble()]));
        }

        return new FeatureLayerData(
            new FeatureLayerSchema("wells", GeometryKind.Point, 4326,
                [new FieldDefinition("depth_class", FieldType.Integer), new FieldDefinition("yield", FieldType.Real)]),
            features);
    }

    public static Polygon RandomPolygon(Random random, int vertices)
    {
        var cx = 100 + random.NextDouble() * 20;
        var cy = 20 + random.NextDouble() * 20;
        var radius = 0.001 + random.NextDouble() * 0.05;
        var ring = new Coordinate[vertices + 1];
        for (var k = 0; k < vertices; k++)
        {
            var angle = 2 * Math.PI * k / vertices;
            var r = radius * (0.7 + 0.3 * random.NextDouble());
            ring[k] = new Coordinate(cx + r * Math.Cos(angle), cy + r * Math.Sin(angle));
        }

        ring[vertices] = ring[0].Copy();
        return Factory.CreatePolygon(ring);
    }
}
