using TileServer.Tests.Shared;
using System.Text.Json.Nodes;
using TileServer.Rendering;

namespace TileServer.Styling.Tests;

public sealed class LegendRendererTests
{
    private static readonly StyleRegistry Registry = StyleRegistry.LoadDirectory(RepositoryPaths.Styles);

    [Theory]
    [InlineData("landuse")]
    [InlineData("control_lines")]
    [InlineData("xzq")]
    public void The_legend_png_decodes_and_shows_every_swatch_colour(string styleId)
    {
        StyleDocument style = Registry.Get(styleId);
        Legend legend = new LegendRenderer().Render(style);
        PngPixels png = PngPixels.Decode(legend.Png);
        Assert.Equal((legend.Width, legend.Height), (png.Width, png.Height));
        Assert.Equal(style.Rules.Count, legend.Entries.Count);

        foreach (LegendEntry entry in legend.Entries)
        {
            StyleRule rule = style.Rules.Single(r => r.Id == entry.RuleId);
            (byte R, byte G, byte B) background = (255, 255, 255);
            if (rule.Fill is { } fill)
            {
                background = Over(fill.Color, fill.Opacity, background);
                var centre = png.At(entry.SwatchX + (entry.SwatchWidth / 2), entry.SwatchY + (entry.SwatchHeight / 2));
                AssertClose(background, centre, $"{styleId}/{rule.Id} fill");
            }

            if (rule.Stroke is { } stroke)
            {
                (byte R, byte G, byte B) expected = Over(stroke.Color, stroke.Opacity, background);
                Assert.True(AnyPixel(png, entry, expected), $"{styleId}/{rule.Id}: stroke colour {expected} not found in its swatch");
            }
        }
    }

    [Fact]
    public void The_json_legend_lists_codes_names_and_colours()
    {
        Legend legend = new LegendRenderer { Columns = 10 }.Render(Registry.Get("landuse"));
        JsonObject json = JsonNode.Parse(legend.ToJsonString())!.AsObject();
        Assert.Equal("landuse", json["style"]!.GetValue<string>());
        JsonArray entries = json["entries"]!.AsArray();
        Assert.Equal(175, entries.Count);
        JsonNode paddy = entries.Single(e => e!["rule"]!.GetValue<string>() == "0101")!;
        Assert.Equal("水田", paddy["name_zh"]!.GetValue<string>());
        Assert.Equal("#F5F8DCFF", paddy["fill"]!.GetValue<string>());
        Assert.Equal("0101", paddy["codes"]![0]!.GetValue<string>());
        Assert.Equal(4, paddy["swatch"]!.AsArray().Count);
        Assert.Equal(6 + (10 * 38), legend.Width);
    }

    private static (byte R, byte G, byte B) Over(Rgba colour, double opacity, (byte R, byte G, byte B) under)
    {
        double a = colour.A / 255.0 * opacity;
        return ((byte)Math.Round((colour.R * a) + (under.R * (1 - a))),
            (byte)Math.Round((colour.G * a) + (under.G * (1 - a))),
            (byte)Math.Round((colour.B * a) + (under.B * (1 - a))));
    }

    private static bool Close((byte R, byte G, byte B) expected, (byte R, byte G, byte B, byte A) actual) =>
        Math.Abs(expected.R - actual.R) <= 2 && Math.Abs(expected.G - actual.G) <= 2 && Math.Abs(expected.B - actual.B) <= 2 && actual.A == 255;

    private static void AssertClose((byte R, byte G, byte B) expected, (byte R, byte G, byte B, byte A) actual, string what) =>
        Assert.True(Close(expected, actual), $"{what}: expected {expected}, found {actual}");

    private static bool AnyPixel(PngPixels png, LegendEntry entry, (byte R, byte G, byte B) expected)
    {
        for (int y = entry.SwatchY; y < entry.SwatchY + entry.SwatchHeight; y++)
        {
            for (int x = entry.SwatchX; x < entry.SwatchX + entry.SwatchWidth; x++)
            {
                if (Close(expected, png.At(x, y)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
