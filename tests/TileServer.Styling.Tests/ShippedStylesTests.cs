using System.Text.Json;
using TileServer.Rendering;

namespace TileServer.Styling.Tests;

public sealed class ShippedStylesTests
{
    private static readonly StyleRegistry Registry = StyleRegistry.LoadDirectory(RepositoryPaths.Styles);

    [Fact]
    public void The_styles_folder_holds_the_five_styles()
    {
        Assert.Equal(["conflicts", "control_lines", "czjsyd2020", "landuse", "xzq"], Registry.Styles.Select(s => s.Id));
    }

    [Fact]
    public void Every_landuse_class_has_a_rule_with_the_reference_colour()
    {
        using JsonDocument reference = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Reference("landuse_classes.json")));
        StyleDocument landuse = Registry.Get("landuse");
        var painter = new StylePainter(landuse);
        int checkedClasses = 0;
        foreach (JsonElement cls in reference.RootElement.GetProperty("classes").EnumerateArray())
        {
            string code = cls.GetProperty("code").GetString()!;
            int level = cls.GetProperty("level").GetInt32();
            Rgba colour = Rgba.Parse(cls.GetProperty("color").GetString());
            StyleRule rule = Assert.Single(landuse.Rules, r => r.Id == code);
            Assert.Equal(colour, rule.Fill!.Color);
            Assert.Equal(cls.GetProperty("name_zh").GetString(), rule.Name!.Zh);
            Assert.Equal(level == 1 ? StyleFilterKind.Prefix : StyleFilterKind.Equals, rule.Filter.Kind);
            Assert.Equal([code], rule.Filter.Values);

            // And the painter picks that rule for a parcel carrying the code.
            ResolvedSymbol? symbol = painter.Resolve("ghyd", new Dictionary<string, string?> { ["ydyhfldm"] = code }, 12);
            Assert.Same(rule, symbol!.Rule);
            checkedClasses++;
        }

        Assert.Equal(175, checkedClasses);
        Assert.Equal(175, landuse.Rules.Count);
    }

    [Fact]
    public void Control_lines_follow_the_proposed_symbology()
    {
        StyleDocument style = Registry.Get("control_lines");
        StyleRule yjjbnt = style.Rules.Single(r => r.Id == "yjjbnt");
        Assert.Equal((Rgba.Parse("#FFFF00"), 0.35), (yjjbnt.Fill!.Color, yjjbnt.Fill.Opacity));
        Assert.Equal((Rgba.Parse("#D4AA00"), 0.8), (yjjbnt.Stroke!.Color, yjjbnt.Stroke.Width));
        StyleRule stbhhx = style.Rules.Single(r => r.Id == "stbhhx");
        Assert.Equal(Rgba.Parse("#FF0000"), stbhhx.Stroke!.Color);
        Assert.Equal(Rgba.Parse("#38A800"), stbhhx.Fill!.Color);
        StyleRule czkfbj = style.Rules.Single(r => r.Id == "czkfbj");
        Assert.Null(czkfbj.Fill);
        Assert.Equal(Rgba.Parse("#E600A9"), czkfbj.Stroke!.Color);
        Assert.Equal([6.0, 3.0], czkfbj.Stroke.DashArray!);
        Assert.Equal((8.0, 6.0, 6.0), (yjjbnt.MinZoom!.Value, stbhhx.MinZoom!.Value, czkfbj.MinZoom!.Value));
        Assert.Equal(["yjjbnt", "stbhhx", "czkfbj"], new StylePainter(style).SourceLayers);
    }

    [Fact]
    public void County_boundaries_are_an_unfilled_dark_grey_line()
    {
        StyleRule county = Assert.Single(Registry.Get("xzq").Rules);
        Assert.Null(county.Fill);
        Assert.Equal(Rgba.Parse("#4D4D4D"), county.Stroke!.Color);
        Assert.Equal(StyleFilterKind.Always, county.Filter.Kind);
    }
}
