using TileServer.Rendering;

namespace TileServer.Styling.Tests;

public sealed class StylePainterTests
{
    private static readonly StyleDocument Style = StyleDocument.Parse("""
        { "id": "p", "version": 1, "title": { "zh": "p", "en": "p" }, "sourceLayer": "ghyd",
          "rules": [
            { "id": "paddy", "filter": { "field": "ydyhfldm", "equals": "0101" }, "fill": { "color": "#010101" } },
            { "id": "paddy-again", "filter": { "field": "ydyhfldm", "in": ["0101", "0102"] }, "fill": { "color": "#020202" } },
            { "id": "farmland", "filter": { "field": "ydyhfldm", "prefix": "01" }, "fill": { "color": "#030303", "opacity": 0.5 } },
            { "id": "big", "filter": { "field": "dlmc", "equals": "大" }, "minZoom": 14, "hatch": { "color": "#040404", "spacing": 6, "angle": 30, "width": 1.5 } },
            { "id": "others", "stroke": { "color": "#050505", "width": 2, "dashArray": [4, 2] } },
            { "id": "never", "filter": { "field": "ydyhfldm", "equals": "0101" }, "fill": { "color": "#060606" } }
          ] }
        """);

    private static readonly StylePainter Painter = new(Style);

    [Theory]
    [InlineData("0101", null, 12, "paddy")]
    [InlineData("0102", null, 12, "paddy-again")]
    [InlineData("0103", null, 12, "farmland")]
    [InlineData("01", null, 12, "farmland")]
    [InlineData("0201", "大", 15, "big")]
    [InlineData("0201", "大", 13, "others")]
    [InlineData("0101", "大", 15, "paddy")]
    [InlineData(null, null, 12, "others")]
    public void The_first_matching_rule_wins(string? code, string? dlmc, double zoom, string expected)
    {
        var attributes = new Dictionary<string, string?> { ["ydyhfldm"] = code, ["dlmc"] = dlmc };
        Assert.Equal(expected, Painter.Resolve("ghyd", attributes, zoom)!.Rule.Id);
    }

    [Fact]
    public void Symbols_map_to_canvas_objects()
    {
        ResolvedSymbol farmland = Painter.SymbolOf("farmland");
        Assert.Equal(new Paint(new Rgba(3, 3, 3), 0.5f), farmland.Fill);
        Assert.Null(farmland.Stroke);
        HatchStyle hatch = Painter.SymbolOf("big").Hatch!;
        Assert.Equal((6.0, 30.0, 1.5), (hatch.Spacing, hatch.AngleDegrees, hatch.LineWidth));
        Assert.Equal(new Rgba(4, 4, 4), hatch.Paint.Color);
        ResolvedSymbol others = Painter.SymbolOf("others");
        Assert.Equal(2.0, others.Stroke!.Width);
        Assert.Equal([4.0, 2.0], others.Stroke.DashArray!);
        Assert.Equal(new Rgba(5, 5, 5), others.StrokePaint!.Value.Color);
    }

    [Fact]
    public void Features_of_other_layers_get_nothing_and_rules_outside_the_zoom_are_skipped()
    {
        Assert.Null(Painter.Resolve("xzq", new Dictionary<string, string?>(), 12));
        var onlyZoomed = new StylePainter(StyleDocument.Parse("""
            { "id": "z", "version": 1, "title": { "zh": "z", "en": "z" }, "sourceLayer": "l",
              "rules": [ { "id": "a", "minZoom": 8, "maxZoom": 10, "fill": { "color": "#FFFFFF" } } ] }
            """));
        var none = new Dictionary<string, string?>();
        Assert.Null(onlyZoomed.Resolve("l", none, 7));
        Assert.NotNull(onlyZoomed.Resolve("l", none, 8));
        Assert.Null(onlyZoomed.Resolve("l", none, 10)); // maxZoom is exclusive, as in MapLibre
    }

    [Fact]
    public void Resolving_a_struct_attribute_source_does_not_allocate()
    {
        var feature = new CodeOnlyAttributes("080403");
        Painter.Resolve("ghyd", feature, 12);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Painter.Resolve("ghyd", feature, 12);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
