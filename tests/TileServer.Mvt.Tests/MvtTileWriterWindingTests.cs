using TileServer.Mvt.Tests.TestSupport;

namespace TileServer.Mvt.Tests;

/// <summary>MVT 2.1 §4.3.4.4: exterior rings positive surveyor's area (y down), interior rings negative.</summary>
public sealed class MvtTileWriterWindingTests
{
    private static readonly (double X, double Y)[] ClockwiseOnScreen = [(100, 100), (300, 100), (300, 300), (100, 300)];
    private static readonly (double X, double Y)[] CounterClockwiseOnScreen = [(100, 100), (100, 300), (300, 300), (300, 100)];
    private static readonly (double X, double Y)[] HoleClockwise = [(150, 150), (200, 150), (200, 200), (150, 200)];
    private static readonly (double X, double Y)[] HoleCounterClockwise = [(150, 150), (150, 200), (200, 200), (200, 150)];

    public static TheoryData<int, int> Orientations => new() { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Exterior_is_positive_and_hole_negative_whatever_the_input_orientation(int exteriorFlip, int holeFlip)
    {
        var exterior = exteriorFlip == 0 ? ClockwiseOnScreen : CounterClockwiseOnScreen;
        var hole = holeFlip == 0 ? HoleClockwise : HoleCounterClockwise;

        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons([exterior, hole]))!;

        Assert.Equal(2, feature.Parts.Count);
        Assert.Equal(2 * 200L * 200, TileHelper.TwiceArea(feature.Parts[0]));
        Assert.Equal(-2 * 50L * 50, TileHelper.TwiceArea(feature.Parts[1]));
        Assert.Empty(CommandStream.Violations(feature.Commands));
    }

    [Fact]
    public void Every_exterior_of_a_multipolygon_is_positive()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons(
            [CounterClockwiseOnScreen],
            [[(1000, 1000), (1000, 1100), (1100, 1100), (1100, 1000)]]))!;

        Assert.Equal(2, feature.Parts.Count);
        Assert.All(feature.Parts, ring => Assert.True(TileHelper.TwiceArea(ring) > 0));
    }

    [Fact]
    public void Reversal_keeps_the_ring_start_point()
    {
        MvtFeature feature = TileHelper.RoundTrip(TileHelper.Polygons([CounterClockwiseOnScreen]))!;

        Assert.Equal(new MvtPoint(100, 100), feature.Parts[0][0]);
        Assert.Equal([new MvtPoint(100, 100), new MvtPoint(300, 100), new MvtPoint(300, 300), new MvtPoint(100, 300)], feature.Parts[0]);
    }
}
