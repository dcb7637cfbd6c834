namespace TileServer.Tests.Shared.FeatureQueries;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Geometry;
using static QueryDataset;

/// <summary>Named filters with the test's own expectation for each row (NULL never matches, and NOT of an
/// unknown is unknown, as in SQL). Spatial expectations come from NetTopologySuite on the test's copy of
/// the geometries.</summary>
public static class FilterScenarios
{
    private static readonly Polygon BBoxOperand = Box(Corner(2, 1).X + 0.0045, Corner(2, 1).Y + 0.0045, Corner(4, 2).X + 0.0055, Corner(4, 2).Y + 0.0055);

    private static readonly Polygon Wedge = Factory.CreatePolygon(
    [
        new Coordinate(Corner(0, 3).X - 0.002, Corner(0, 3).Y - 0.002), new Coordinate(Corner(5, 3).X, Corner(5, 3).Y + 0.0005),
        new Coordinate(Corner(0, 5).X + 0.003, Corner(0, 5).Y + 0.009), new Coordinate(Corner(0, 3).X - 0.002, Corner(0, 3).Y - 0.002),
    ]);

    private static readonly Polygon Region = Box(Corner(1, 0).X - 0.001, Corner(1, 0).Y - 0.001, Corner(3, 2).X + 0.0045, Corner(3, 2).Y + 0.007);

    private static readonly Polygon WestBlock = Box(Corner(0, 3).X, Corner(0, 3).Y, Corner(2, 5).X + 0.003, Corner(2, 5).Y + 0.003);

    public static readonly IReadOnlyDictionary<string, (FeatureFilter Filter, Func<QueryRow, bool> Expected)> All =
        new Dictionary<string, (FeatureFilter, Func<QueryRow, bool>)>
        {
            ["text-equal-chinese"] = (Text("mc", ComparisonOperator.Equal, "永久基本农田"), r => r.Mc == "永久基本农田"),
            ["text-equal-case-sensitive"] = (Text("mc", ComparisonOperator.Equal, "alpha"), r => r.Mc == "alpha"),
            ["text-equal-ignore-case"] = (Text("mc", ComparisonOperator.Equal, "ALPHA", matchCase: false), r => r.Mc?.ToLowerInvariant() == "alpha"),
            ["text-equal-injection"] = (Text("mc", ComparisonOperator.Equal, "'; DROP TABLE x; --"), r => r.Mc == "'; DROP TABLE x; --"),
            ["text-not-equal"] = (Text("mc", ComparisonOperator.NotEqual, "a_b"), r => r.Mc is not null && r.Mc != "a_b"),
            ["text-less-code-point-order"] = (Text("mc", ComparisonOperator.Less, "O"), r => r.Mc is not null && string.CompareOrdinal(r.Mc, "O") < 0),
            ["text-greater-ignore-case"] = (Text("mc", ComparisonOperator.Greater, "B", matchCase: false), r => r.Mc is not null && string.CompareOrdinal(r.Mc.ToLowerInvariant(), "b") > 0),
            ["integer-less"] = (Integer("bh", ComparisonOperator.Less, 2), r => r.Bh < 2),
            ["integer-greater-or-equal"] = (Integer("bh", ComparisonOperator.GreaterOrEqual, 5), r => r.Bh >= 5),
            ["integer-not-equal"] = (Integer("bh", ComparisonOperator.NotEqual, 0), r => r.Bh is not null && r.Bh != 0),
            ["real-less-or-equal"] = (new ComparisonFilter("mj", ComparisonOperator.LessOrEqual, FilterValue.OfReal(7.5)), r => r.Mj <= 7.5),
            ["real-greater"] = (new ComparisonFilter("mj", ComparisonOperator.Greater, FilterValue.OfReal(12.25)), r => r.Mj > 12.25),
            ["between-integer"] = (new BetweenFilter("bh", FilterValue.OfInteger(-1), FilterValue.OfInteger(3)), r => r.Bh >= -1 && r.Bh <= 3),
            ["between-real"] = (new BetweenFilter("mj", FilterValue.OfReal(2.5), FilterValue.OfReal(10)), r => r.Mj >= 2.5 && r.Mj <= 10),
            ["between-text"] = (new BetweenFilter("mc", FilterValue.OfText("a"), FilterValue.OfText("b")), r => r.Mc is not null && string.CompareOrdinal(r.Mc, "a") >= 0 && string.CompareOrdinal(r.Mc, "b") <= 0),
            ["null-text"] = (new NullFilter("mc"), r => r.Mc is null),
            ["null-integer"] = (new NullFilter("bh"), r => r.Bh is null),
            ["not-null-real"] = (new NotFilter(new NullFilter("mj")), r => r.Mj is not null),
            ["like-prefix-chinese"] = (Like("永久*"), r => r.Mc?.StartsWith("永久", StringComparison.Ordinal) == true),
            ["like-contains-chinese"] = (Like("*田*"), r => r.Mc?.Contains('田', StringComparison.Ordinal) == true),
            ["like-literal-percent"] = (Like("100%"), r => r.Mc == "100%"),
            ["like-literal-underscore"] = (Like("a_b"), r => r.Mc == "a_b"),
            ["like-single-char"] = (Like("a.b"), r => r.Mc is "a_b" or "axb"),
            ["like-quote"] = (Like("*'*"), r => r.Mc?.Contains('\'', StringComparison.Ordinal) == true),
            ["like-backslash"] = (Like(@"back\slash"), r => r.Mc == @"back\slash"),
            ["like-escaped-escape"] = (Like("bang!!mark"), r => r.Mc == "bang!mark"),
            ["like-escaped-wildcard"] = (Like("*!*"), r => r.Mc?.Contains('*', StringComparison.Ordinal) == true),
            ["like-glob-question-mark"] = (Like("*?"), r => r.Mc?.EndsWith('?') == true),
            ["like-brackets"] = (Like("[bracket]"), r => r.Mc == "[bracket]"),
            ["like-sql-style-percent"] = (new LikeFilter("mc", @"100\%", '%', '_', '\\'), r => r.Mc == "100%"),
            ["like-sql-style-underscore"] = (new LikeFilter("mc", @"a\_b", '%', '_', '\\'), r => r.Mc == "a_b"),
            ["like-sql-style-wildcards"] = (new LikeFilter("mc", "农田_%", '%', '_', '\\'), r => r.Mc is "农田_1" or "农田x1"),
            ["like-ignore-case"] = (new LikeFilter("mc", "aL*", MatchCase: false), r => r.Mc?.StartsWith("al", StringComparison.OrdinalIgnoreCase) == true),
            ["like-case-sensitive"] = (Like("Al*"), r => r.Mc?.StartsWith("Al", StringComparison.Ordinal) == true),
            ["like-single-chinese"] = (Like("农田.1"), r => r.Mc is "农田_1" or "农田x1"),
            ["like-injection"] = (Like("'; DROP*"), r => r.Mc == "'; DROP TABLE x; --"),
            ["in-text"] = (In("mc", FilterValue.OfText("Alpha"), FilterValue.OfText("永久基本农田"), FilterValue.OfText("absent")), r => r.Mc is "Alpha" or "永久基本农田"),
            ["in-text-ignore-case"] = (new InFilter("mc", [FilterValue.OfText("ALPHA"), FilterValue.OfText("zeta")], matchCase: false), r => r.Mc?.ToLowerInvariant() is "alpha" or "zeta"),
            ["in-integer"] = (In("bh", FilterValue.OfInteger(-3), FilterValue.OfInteger(4), FilterValue.OfInteger(99)), r => r.Bh is -3 or 4),
            ["in-real"] = (In("mj", FilterValue.OfReal(2.5), FilterValue.OfReal(12.25), FilterValue.OfReal(0.1)), r => r.Mj is 2.5 or 12.25),
            ["not-in-integer"] = (new NotFilter(In("bh", FilterValue.OfInteger(0), FilterValue.OfInteger(1))), r => r.Bh is not null and not 0 and not 1),
            ["in-long-list"] = (In("bh", [.. Enumerable.Range(1, 1200).Select(i => FilterValue.OfInteger(i))]), r => r.Bh is >= 1 and <= 1200),
            ["and"] = (new AndFilter([Integer("bh", ComparisonOperator.Greater, 0), Like("*田*")]), r => r.Bh > 0 && r.Mc?.Contains('田', StringComparison.Ordinal) == true),
            ["or"] = (new OrFilter([new NullFilter("mc"), Integer("bh", ComparisonOperator.Less, -2)]), r => r.Mc is null || r.Bh < -2),
            ["not-comparison"] = (new NotFilter(Integer("bh", ComparisonOperator.Less, 2)), r => r.Bh is not null && r.Bh >= 2),
            ["nested"] = (new OrFilter([new AndFilter([new ComparisonFilter("mj", ComparisonOperator.Greater, FilterValue.OfReal(5)), new NotFilter(Text("mc", ComparisonOperator.Equal, "Alpha"))]), new IdFilter([1, 2])]),
                r => (r.Mj > 5 && r.Mc is not null && r.Mc != "Alpha") || r.Fid is 1 or 2),
            ["resource-id"] = (new IdFilter([1, 5, 48, 999]), r => r.Fid is 1 or 5 or 48),
            ["not-resource-id"] = (new NotFilter(new IdFilter([3, 4])), r => r.Fid is not (3 or 4)),
            ["bbox-exact"] = (Spatial(SpatialOperator.BBox, BBoxOperand), r => r.Geometry.Intersects(BBoxOperand)),
            ["intersects"] = (Spatial(SpatialOperator.Intersects, Wedge), r => r.Geometry.Intersects(Wedge)),
            ["within"] = (Spatial(SpatialOperator.Within, Region), r => r.Geometry.Within(Region)),
            ["not-bbox"] = (new NotFilter(Spatial(SpatialOperator.BBox, BBoxOperand)), r => !r.Geometry.Intersects(BBoxOperand)),
            ["or-spatial"] = (new OrFilter([Spatial(SpatialOperator.Within, Region), Text("mc", ComparisonOperator.Equal, "Zeta")]), r => r.Geometry.Within(Region) || r.Mc == "Zeta"),
            ["and-two-spatial"] = (new AndFilter([Spatial(SpatialOperator.Intersects, Wedge), Spatial(SpatialOperator.BBox, WestBlock)]), r => r.Geometry.Intersects(Wedge) && r.Geometry.Intersects(WestBlock)),
        };

    public static IEnumerable<object[]> Names => All.Keys.Select(k => new object[] { k });

    /// <summary>The box whose corner only grazes some triangles' envelopes (for the exactness check).</summary>
    public static Polygon GrazingBox => BBoxOperand;

    public static SpatialFilter Spatial(SpatialOperator op, Geometry operand)
    {
        var envelope = operand.EnvelopeInternal;
        var wkb = new WKBWriter(ByteOrder.LittleEndian, handleSRID: false, emitZ: false, emitM: false).Write(operand);
        return new SpatialFilter(op, wkb, new BoundingBox(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY));
    }

    private static ComparisonFilter Text(string field, ComparisonOperator op, string value, bool matchCase = true) =>
        new(field, op, FilterValue.OfText(value), matchCase);

    private static ComparisonFilter Integer(string field, ComparisonOperator op, long value) => new(field, op, FilterValue.OfInteger(value));

    private static LikeFilter Like(string pattern) => new("mc", pattern);

    private static InFilter In(string field, params FilterValue[] values) => new(field, values);
}
