namespace TileServer.Styling.Tests;

public sealed class StyleDocumentTests
{
    private const string Valid = """
        { "id": "t", "version": 2, "title": { "zh": "测试", "en": "Test" }, "sourceLayer": "ghyd",
          "rules": [ { "id": "a", "filter": { "field": "ydyhfldm", "in": ["0101", "0102"] }, "fill": { "color": "#112233" } } ] }
        """;

    [Fact]
    public void A_valid_style_parses_with_defaults()
    {
        StyleDocument style = StyleDocument.Parse(Valid);
        Assert.Equal(("t", 2, "测试"), (style.Id, style.Version, style.Title.Zh));
        StyleRule rule = Assert.Single(style.Rules);
        Assert.Equal("ghyd", rule.SourceLayer);
        Assert.Equal(1.0, rule.Fill!.Opacity);
        Assert.Equal(StyleFilterKind.In, rule.Filter.Kind);
        Assert.True(rule.Filter.Matches("0102"));
        Assert.False(rule.Filter.Matches("0103"));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [] }""", "rules: must be a non-empty array")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "fill": { "color": "red" } } ] }""", "rule 1 ('r1'): fill: color: 'red' is not #RRGGBB")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "fill": { "color": "#FFFFFF", "colour": 1 } } ] }""", "rule 1 ('r1'): fill: colour: unknown property")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "fill": { "color": "#FFFFFF" } }, { "id": "r1", "fill": { "color": "#FFFFFF" } } ] }""", "rule 2 ('r1'): id: 'r1' is used by an earlier rule")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "rules": [ { "id": "r1", "fill": { "color": "#FFFFFF" } } ] }""", "rule 1 ('r1'): sourceLayer: is required when the style has no sourceLayer")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1" } ] }""", "rule 1 ('r1'): draws nothing")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "filter": { "field": "f", "equals": "1", "prefix": "1" }, "fill": { "color": "#FFFFFF" } } ] }""", "rule 1 ('r1'): filter: needs exactly one of equals, in, prefix")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "stroke": { "color": "#FFFFFF", "opacity": 1.5 } } ] }""", "rule 1 ('r1'): stroke: opacity: must be a number from 0 to 1, found 1.5")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "stroke": { "color": "#FFFFFF", "dashArray": [4, 0] } } ] }""", "stroke: dashArray: must hold positive numbers, found 0")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "hatch": { "color": "#FFFFFF", "spacing": 4, "width": 5 } } ] }""", "hatch: width: 5 is not below spacing 4")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "minZoom": 12, "maxZoom": 10, "fill": { "color": "#FFFFFF" } } ] }""", "rule 1 ('r1'): minZoom: 12 is not below maxZoom 10")]
    [InlineData("""{ "id": "bad id", "version": 1, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "fill": { "color": "#FFFFFF" } } ] }""", "id: 'bad id' may hold only")]
    [InlineData("""{ "id": "t", "version": 1.5, "title": { "zh": "a", "en": "b" }, "sourceLayer": "l", "rules": [ { "id": "r1", "fill": { "color": "#FFFFFF" } } ] }""", "version: must be a whole number")]
    [InlineData("""{ "id": "t", "version": 1, "title": { "zh": "a" }, "sourceLayer": "l", "rules": [ { "id": "r1", "fill": { "color": "#FFFFFF" } } ] }""", "title: en: is required")]
    public void Bad_styles_fail_with_a_message_naming_the_place(string json, string expected)
    {
        StyleFormatException error = Assert.Throws<StyleFormatException>(() => StyleDocument.Parse(json, "bad.json"));
        Assert.StartsWith("bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registry_reports_every_bad_file_at_once()
    {
        string dir = Directory.CreateTempSubdirectory("styles").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.json"), "{");
            File.WriteAllText(Path.Combine(dir, "b.json"), "[]");
            File.WriteAllText(Path.Combine(dir, "c.json"), Valid);
            StyleFormatException error = Assert.Throws<StyleFormatException>(() => StyleRegistry.LoadDirectory(dir));
            Assert.Contains("a.json", error.Message, StringComparison.Ordinal);
            Assert.Contains("b.json: expected a JSON object", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("c.json", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
