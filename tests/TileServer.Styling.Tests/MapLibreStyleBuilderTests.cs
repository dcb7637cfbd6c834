using System.Text.Json;
using System.Text.Json.Nodes;

namespace TileServer.Styling.Tests;

public sealed class MapLibreStyleBuilderTests
{
    private static readonly StyleRegistry Registry = StyleRegistry.LoadDirectory(RepositoryPaths.Styles);

    private static readonly MapLibreStyleBuilder Builder = new(new MapLibreSourceOptions { TileJsonUrl = "http://localhost:8080/tiles/xzq,ghyd,yjjbnt,stbhhx,czkfbj.json" });

    [Fact]
    public void The_style_is_structurally_valid_version_8()
    {
        JsonObject style = Builder.Build([Registry.Get("landuse"), Registry.Get("control_lines"), Registry.Get("xzq")]);
        // Round-trip through text, as a client would receive it.
        style = JsonNode.Parse(style.ToJsonString())!.AsObject();
        Assert.Equal(8, style["version"]!.GetValue<int>());
        JsonObject source = style["sources"]!["tileserver"]!.AsObject();
        Assert.Equal("vector", source["type"]!.GetValue<string>());
        Assert.StartsWith("http://", source["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(style["glyphs"]);
        Assert.Null(style["sprite"]);

        var ids = new HashSet<string>();
        foreach (JsonNode? node in style["layers"]!.AsArray())
        {
            JsonObject layer = node!.AsObject();
            Assert.True(ids.Add(layer["id"]!.GetValue<string>()), "duplicate layer id");
            string type = layer["type"]!.GetValue<string>();
            Assert.Contains(type, new[] { "fill", "line" });
            Assert.Equal("tileserver", layer["source"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(layer["source-layer"]!.GetValue<string>()));
            if (layer["minzoom"] is { } minzoom)
            {
                Assert.InRange(minzoom.GetValue<double>(), 0, 24);
            }

            JsonObject paint = layer["paint"]!.AsObject();
            foreach ((string name, JsonNode? value) in paint)
            {
                Assert.StartsWith(type + "-", name, StringComparison.Ordinal);
                switch (name)
                {
                    case "fill-color" or "line-color":
                        Assert.Matches("^(#[0-9A-F]{6}|rgba\\(\\d+, \\d+, \\d+, [0-9.]+\\))$", value!.GetValue<string>());
                        break;
                    case "fill-opacity" or "line-opacity":
                        Assert.InRange(value!.GetValue<double>(), 0, 1);
                        break;
                    case "line-width":
                        Assert.True(value!.GetValue<double>() > 0);
                        break;
                    case "line-dasharray":
                        Assert.All(value!.AsArray(), d => Assert.True(d!.GetValue<double>() > 0));
                        break;
                    default:
                        Assert.Fail($"unexpected paint property {name}");
                        break;
                }
            }
        }

        // 175 land-use fills; control lines: 5 fills and 6 lines; county boundaries: 1 line.
        Assert.Equal(175 + 11 + 1, ids.Count);
    }

    [Fact]
    public void Landuse_filters_select_exactly_the_class_of_each_code()
    {
        JsonArray layers = Builder.Build([Registry.Get("landuse")])["layers"]!.AsArray();
        using JsonDocument reference = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Reference("landuse_classes.json")));
        foreach (JsonElement cls in reference.RootElement.GetProperty("classes").EnumerateArray())
        {
            string code = cls.GetProperty("code").GetString()!;
            JsonObject layer = Assert.Single(MatchingLayers(layers, "ydyhfldm", code, 12));
            Assert.Equal($"landuse.{code}.fill", layer["id"]!.GetValue<string>());
            Assert.Equal(cls.GetProperty("color").GetString()!.ToUpperInvariant(), layer["paint"]!["fill-color"]!.GetValue<string>());
        }

        // A level-2 code the list lacks falls back to its level-1 class; nothing matches below minzoom 10.
        Assert.Equal("landuse.01.fill", Assert.Single(MatchingLayers(layers, "ydyhfldm", "0199", 12))["id"]!.GetValue<string>());
        JsonObject paddy = layers.Single(l => l!["id"]!.GetValue<string>() == "landuse.0101.fill")!.AsObject();
        Assert.Equal(JsonNode.Parse("""["==", ["get", "ydyhfldm"], "0101"]"""), paddy["filter"], JsonNode.DeepEquals);
        Assert.Equal(10, paddy["minzoom"]!.GetValue<double>());
    }

    [Fact]
    public void First_match_semantics_survive_zoom_ranges_and_unreachable_rules_are_dropped()
    {
        JsonArray layers = Builder.Build([Registry.Get("control_lines")])["layers"]!.AsArray();
        var zone = new Dictionary<string, string> { ["ghfqmc"] = "特别用途区" };
        // At zoom 8 the sub-zone rules (minZoom 10) do not apply, so the plain boundary draws the zone.
        Assert.Equal(["control_lines.czkfbj.line"], Ids(layers.Where(l => Matches(l!, "czkfbj", zone, 8))));
        Assert.Equal(["control_lines.czkfbj-tbytq.fill", "control_lines.czkfbj-tbytq.line"], Ids(layers.Where(l => Matches(l!, "czkfbj", zone, 12))));

        StyleDocument shadowed = StyleDocument.Parse("""
            { "id": "s", "version": 1, "title": { "zh": "s", "en": "s" }, "sourceLayer": "l",
              "rules": [ { "id": "a", "filter": { "field": "f", "prefix": "01" }, "fill": { "color": "#FFFFFF" } },
                         { "id": "b", "filter": { "field": "f", "in": ["0101", "0102"] }, "fill": { "color": "#000000", "opacity": 0.5 } } ] }
            """);
        JsonArray shadowedLayers = Builder.Build([shadowed])["layers"]!.AsArray();
        Assert.Equal(["s.a.fill"], Ids(shadowedLayers));
    }

    [Fact]
    public void Dashes_are_converted_to_line_widths_and_templates_make_a_tiles_source()
    {
        var builder = new MapLibreStyleBuilder(new MapLibreSourceOptions { TileUrlTemplates = ["http://h/tiles/czkfbj/{z}/{x}/{y}.mvt"], MinZoom = 6, MaxZoom = 16 });
        JsonObject style = builder.Build([Registry.Get("control_lines")]);
        Assert.Equal(16, style["sources"]!["tileserver"]!["maxzoom"]!.GetValue<int>());
        JsonNode line = style["layers"]!.AsArray().Single(l => l!["id"]!.GetValue<string>() == "control_lines.czkfbj.line")!;
        Assert.Equal(JsonNode.Parse("[3, 1.5]"), line["paint"]!["line-dasharray"], JsonNode.DeepEquals);
        Assert.Throws<ArgumentException>(() => new MapLibreStyleBuilder(new MapLibreSourceOptions()));
    }

    private static IEnumerable<JsonObject> MatchingLayers(JsonArray layers, string field, string value, double zoom) =>
        layers.Select(l => l!.AsObject()).Where(l => Matches(l, l["source-layer"]!.GetValue<string>(), new Dictionary<string, string> { [field] = value }, zoom));

    private static bool Matches(JsonNode layer, string sourceLayer, IReadOnlyDictionary<string, string> properties, double zoom) =>
        layer["source-layer"]!.GetValue<string>() == sourceLayer &&
        (layer["minzoom"]?.GetValue<double>() ?? 0) <= zoom && zoom < (layer["maxzoom"]?.GetValue<double>() ?? 99) &&
        MapLibreTestEvaluator.Matches(layer["filter"], properties, zoom);

    private static string[] Ids(IEnumerable<JsonNode?> layers) => [.. layers.Select(l => l!["id"]!.GetValue<string>())];
}
