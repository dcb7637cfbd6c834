using TileServer.Rendering.Png;

namespace TileServer.Rendering.Tests.Png;

/// <summary>The median cut's result depends on the colours and their counts only, not on the order the tile
/// showed them in: boxes are split in a total order (channel value, then colour).</summary>
public sealed class MedianCutQuantizerTests
{
    [Fact]
    public void Palette_does_not_depend_on_the_order_colours_were_counted()
    {
        var random = new Random(20261207);
        var colours = new (uint Colour, int Count)[3000];
        for (var i = 0; i < colours.Length; i++)
        {
            // Rare edge blends (under the anchor threshold), many sharing a channel value, so splits meet ties.
            var alpha = (uint)random.Next(1, 9) * 32 - 1;
            var colour = (uint)random.Next(0, 16) * 16 | (uint)random.Next(0, 256) << 8 | (uint)random.Next(0, 4) * 64 << 16 | alpha << 24;
            colours[i] = (colour, random.Next(1, MedianCutQuantizer.AnchorMinimumPixels));
        }

        colours = [.. colours.DistinctBy(c => c.Colour)];
        var forward = Quantize(colours);
        var backward = Quantize([.. colours.Reverse()]);

        Assert.True(forward.Palette.Length > 64, $"{forward.Palette.Length} entries");
        Assert.Equal(forward.Palette, backward.Palette);
        Assert.Equal(forward.EntryOf, backward.EntryOf);
    }

    private static (uint[] Palette, Dictionary<uint, uint> EntryOf) Quantize((uint Colour, int Count)[] colours)
    {
        var histogram = new ColorHistogram();
        histogram.Reset();
        foreach (var (colour, count) in colours)
        {
            histogram.Add(colour, count);
        }

        var palette = new uint[256];
        var size = new MedianCutQuantizer().Quantize(histogram, palette);
        var entryOf = new Dictionary<uint, uint>();
        for (var n = 0; n < histogram.Count; n++)
        {
            entryOf[histogram.ColourAt(n)] = palette[histogram.PaletteIndexAt(n)];
        }

        return (palette[..size], entryOf);
    }
}
