namespace TileServer.Sources.PostGis.Tests.Import;

using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using TileServer.Sources.PostGis.Import;

/// <summary>What the client-side proof accepts and leaves to ST_IsValid (pure logic; the comparison with PostGIS
/// itself is in <see cref="PolygonValidityProofAgainstPostGisTests"/>).</summary>
public sealed class PolygonValidityProofTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    [Fact]
    public void A_simple_ring_is_proven_in_either_byte_order_alone_or_as_a_one_part_multi()
    {
        var ring = Square(118.7, 41.0, 0.001);

        Assert.True(Proven(ring));
        Assert.True(PolygonValidityProof.IsProvenValid(new WKBWriter(ByteOrder.BigEndian, false).Write(ring)));
        Assert.True(Proven(Factory.CreateMultiPolygon([ring])));
        Assert.True(Proven(Polygon((0, 0), (1, 0), (0, 1), (0, 0)))); // a triangle: every pair of segments adjacent
    }

    [Theory]
    [InlineData("bow tie", new[] { 0.0, 0, 1, 1, 1, 0, 0, 1, 0, 0 })]
    [InlineData("touching itself at a vertex", new[] { 0.0, 0, 4, 0, 4, 4, 2, 0, 0, 4, 0, 0 })]
    [InlineData("spike", new[] { 0.0, 0, 4, 0, 4, 4, 4, 6, 4, 4, 0, 4, 0, 0 })]
    [InlineData("repeated point", new[] { 0.0, 0, 4, 0, 4, 0, 4, 4, 0, 4, 0, 0 })]
    [InlineData("collinear vertex (valid, but not proven)", new[] { 0.0, 0, 2, 0, 4, 0, 4, 4, 0, 4, 0, 0 })]
    [InlineData("all points on a line", new[] { 0.0, 0, 1, 0, 2, 0, 0, 0 })]
    [InlineData("a vertex dipping through another segment", new[] { 0.0, 0, 4, 0, 4, 4, 2, -1e-300, 0, 4, 0, 0 })]
    [InlineData("a square 1e-160 wide (its products underflow)", new[] { 0.0, 0, 1e-160, 0, 1e-160, 1e-160, 0, 1e-160, 0, 0 })]
    public void Rings_that_are_invalid_or_doubtful_are_not_proven(string why, double[] coordinates)
    {
        var points = Enumerable.Range(0, coordinates.Length / 2).Select(i => new Coordinate(coordinates[2 * i], coordinates[2 * i + 1])).ToArray();
        var wkb = RingWkb(points);

        Assert.False(PolygonValidityProof.IsProvenValid(wkb), why);
    }

    [Fact]
    public void Holes_several_parts_open_rings_non_finite_coordinates_and_other_types_are_left_to_the_server()
    {
        var shell = Square(0, 0, 10);
        var withHole = Factory.CreatePolygon(shell.Shell, [Square(2, 2, 1).Shell]);
        Assert.False(Proven(withHole));
        Assert.False(Proven(Factory.CreateMultiPolygon([Square(0, 0, 1), Square(5, 5, 1)])));
        Assert.False(Proven(Factory.CreateLineString([new(0, 0), new(1, 1)])));
        Assert.False(Proven(Factory.CreatePoint(new Coordinate(1, 1))));
        Assert.False(PolygonValidityProof.IsProvenValid(RingWkb([new(0, 0), new(1, 0), new(1, 1), new(0, 1), new(0, 0.5)])), "open ring");
        Assert.False(PolygonValidityProof.IsProvenValid(RingWkb([new(0, 0), new(1, 0), new(double.NaN, 1), new(0, 0)])), "NaN");
        Assert.False(PolygonValidityProof.IsProvenValid(new byte[] { 1, 3, 0, 0 }), "truncated");
        var withZ = new WKBWriter(ByteOrder.LittleEndian, false, emitZ: true).Write(
            Factory.CreatePolygon(shell.Shell.Coordinates.Select(c => new CoordinateZ(c.X, c.Y, 5)).ToArray()));
        Assert.False(PolygonValidityProof.IsProvenValid(withZ), "Z");
    }

    [Fact]
    public void A_truncated_coordinate_list_is_not_read_past_its_end()
    {
        var wkb = new WKBWriter().Write(Square(0, 0, 1));

        Assert.False(PolygonValidityProof.IsProvenValid(wkb.AsSpan(0, wkb.Length - 8)));
    }

    private static bool Proven(Geometry geometry) => PolygonValidityProof.IsProvenValid(new WKBWriter().Write(geometry));

    private static Polygon Square(double x, double y, double size) =>
        Polygon((x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y));

    private static Polygon Polygon(params (double X, double Y)[] points) =>
        Factory.CreatePolygon(points.Select(p => new Coordinate(p.X, p.Y)).ToArray());

    /// <summary>Little-endian WKB of a one-ring polygon written by hand, so rings NetTopologySuite would refuse to
    /// build (open ones) can be encoded too.</summary>
    internal static byte[] RingWkb(IReadOnlyList<Coordinate> points)
    {
        var wkb = new byte[13 + points.Count * 16];
        wkb[0] = 1;
        BitConverter.TryWriteBytes(wkb.AsSpan(1), 3u);
        BitConverter.TryWriteBytes(wkb.AsSpan(5), 1u);
        BitConverter.TryWriteBytes(wkb.AsSpan(9), (uint)points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            BitConverter.TryWriteBytes(wkb.AsSpan(13 + i * 16), points[i].X);
            BitConverter.TryWriteBytes(wkb.AsSpan(21 + i * 16), points[i].Y);
        }

        return wkb;
    }
}
