using TileServer.Rendering.Png;

namespace TileServer.Rendering.Tests.Png;

/// <summary>The tile's colour table: dense positions in first-seen order, counts, and growth past its first size.</summary>
public sealed class ColorHistogramTests
{
    [Fact]
    public void Grows_past_its_first_table_keeping_positions_and_counts()
    {
        var histogram = new ColorHistogram();
        histogram.Reset();
        const int distinct = 5000; // The table starts with 1,024 slots, so it doubles three times.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < distinct; i++)
            {
                Assert.Equal(i, histogram.Add(Colour(i), (i % 7) + 1));
            }
        }

        Assert.Equal(distinct, histogram.Count);
        for (var i = 0; i < distinct; i++)
        {
            Assert.Equal(Colour(i), histogram.ColourAt(i));
            Assert.Equal(2 * ((i % 7) + 1), histogram.CountAt(i));
        }

        histogram.Reset();
        Assert.Equal(0, histogram.Add(Colour(4321), 3));
        histogram.AddAt(0, 2);
        Assert.Equal(1, histogram.Add(Colour(7), 1));
        Assert.Equal(2, histogram.Count);
        Assert.Equal(5, histogram.CountAt(0));
    }

    // Opaque colours that differ in all channels, so the hash sees structured bit patterns.
    private static uint Colour(int i) => (uint)(i * 2_654_435) & 0x00FFFFFFu | 0xFF000000u;
}
