namespace TileServer.Tests.Shared.FeatureQueries;

using NetTopologySuite.Geometries;
using TileServer.Core.Features;

/// <summary>The small layer every source's query scenarios load: 48 right triangles on an 8 × 6 grid
/// (lower-left half of each 0.006° cell square, so a box can meet a feature's envelope and miss the
/// feature), names full of LIKE and SQL metacharacters, Chinese text and case variants, and NULLs in every
/// field. Row i gets fid i + 1 in both the GeoPackage writer and the PostGIS importer.</summary>
public static class QueryDataset
{
    public const int Count = 48;
    public const double Cell = 0.01;
    public const double Side = 0.006;
    public const double OriginX = 116;
    public const double OriginY = 40;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    public static readonly IReadOnlyList<string?> Names =
    [
        "永久基本农田", "城镇开发边界", "生态保护红线", "100%", "100 percent", "a_b", "axb", "it's",
        "O'Brien", @"back\slash", "bang!mark", "star*", "question?", "[bracket]", "Alpha", "alpha",
        "ALPHA", "'; DROP TABLE x; --", "田*", "农田_1", null, "Zeta", "beta", "农田x1",
    ];

    public static readonly IReadOnlyList<FieldDefinition> Fields =
    [
        new("mc", FieldType.Text, "名称"),
        new("bh", FieldType.Integer, "编号"),
        new("mj", FieldType.Real, "面积"),
    ];

    public static IReadOnlyList<QueryRow> Rows { get; } = Enumerable.Range(0, Count).Select(Row).ToList();

    public static FeatureLayerData Layer(string name) => new(
        new FeatureLayerSchema(name, GeometryKind.Polygon, 4490, Fields, "查询测试"),
        Rows.Select(r => new WritableFeature(r.Geometry, [r.Mc, r.Bh, r.Mj])).ToList());

    /// <summary>The cell's lower-left corner.</summary>
    public static (double X, double Y) Corner(int column, int row) => (OriginX + column * Cell, OriginY + row * Cell);

    public static Polygon Box(double minX, double minY, double maxX, double maxY) => Factory.CreatePolygon(
    [
        new Coordinate(minX, minY), new Coordinate(maxX, minY), new Coordinate(maxX, maxY), new Coordinate(minX, maxY), new Coordinate(minX, minY),
    ]);

    private static QueryRow Row(int i)
    {
        var (x, y) = Corner(i % 8, i / 8);
        var triangle = Factory.CreatePolygon(
        [
            new Coordinate(x, y), new Coordinate(x + Side, y), new Coordinate(x, y + Side), new Coordinate(x, y),
        ]);
        long? bh = i % 9 == 4 ? null : (i * 7 % 11) - 3;
        double? mj = i % 10 == 3 ? null : Math.Round(i * 1.25 % 17, 2);
        return new QueryRow(i + 1, Names[i % Names.Count], bh, mj, triangle);
    }
}
