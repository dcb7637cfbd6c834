using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TileServer.Rendering;

namespace TileServer.Styling;

/// <summary>Builds a MapLibre GL style (style specification version 8) from our styles: one vector source,
/// and per rule a "fill" layer and/or a "line" layer. Needs no glyphs or sprites. Hatches are left out:
/// MapLibre can only hatch with a sprite image ("fill-pattern"), which this server does not publish.</summary>
public sealed class MapLibreStyleBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly MapLibreSourceOptions _source;

    public MapLibreStyleBuilder(MapLibreSourceOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if ((source.TileJsonUrl is null) == (source.TileUrlTemplates is not { Count: > 0 }))
        {
            throw new ArgumentException("Give either a TileJSON URL or tile URL templates, not both or neither.", nameof(source));
        }

        _source = source;
    }

    /// <summary>The style document; later styles draw above earlier ones, and within a style the line
    /// layers above the fill layers so outlines stay visible.</summary>
    public JsonObject Build(IEnumerable<StyleDocument> styles, string name = "TileServer")
    {
        ArgumentNullException.ThrowIfNull(styles);
        var layers = new JsonArray();
        foreach (StyleDocument style in styles)
        {
            var fills = new List<JsonObject>();
            var lines = new List<JsonObject>();
            for (int i = 0; i < style.Rules.Count; i++)
            {
                StyleRule rule = style.Rules[i];
                JsonNode? filter = MapLibreFilters.ForRule(style.Rules, i, out bool unreachable);
                if (unreachable)
                {
                    continue;
                }

                if (rule.Fill is { } fill)
                {
                    fills.Add(Layer(style, rule, "fill", filter, new JsonObject
                    {
                        ["fill-color"] = Colour(fill.Color),
                        ["fill-opacity"] = fill.Opacity,
                    }));
                }

                if (rule.Stroke is { } stroke)
                {
                    var paint = new JsonObject
                    {
                        ["line-color"] = Colour(stroke.Color),
                        ["line-width"] = stroke.Width,
                        ["line-opacity"] = stroke.Opacity,
                    };
                    if (stroke.DashArray is { } dashes)
                    {
                        // MapLibre measures dashes in line widths, our format in pixels (like SVG and the canvas).
                        paint["line-dasharray"] = new JsonArray([.. dashes.Select(d => JsonValue.Create(d / stroke.Width))]);
                    }

                    lines.Add(Layer(style, rule, "line", filter?.DeepClone(), paint));
                }
            }

            foreach (JsonObject layer in fills.Concat(lines))
            {
                layers.Add(layer);
            }
        }

        return new JsonObject
        {
            ["version"] = 8,
            ["name"] = name,
            ["sources"] = new JsonObject { [_source.SourceId] = Source() },
            ["layers"] = layers,
        };
    }

    public string BuildJson(IEnumerable<StyleDocument> styles, string name = "TileServer") =>
        Build(styles, name).ToJsonString(Indented);

    private JsonObject Source()
    {
        var source = new JsonObject { ["type"] = "vector" };
        if (_source.TileJsonUrl is { } url)
        {
            source["url"] = url;
        }
        else
        {
            source["tiles"] = new JsonArray([.. _source.TileUrlTemplates!.Select(t => JsonValue.Create(t))]);
            source["minzoom"] = _source.MinZoom;
            source["maxzoom"] = _source.MaxZoom;
        }

        if (_source.Attribution is { } attribution)
        {
            source["attribution"] = attribution;
        }

        return source;
    }

    private JsonObject Layer(StyleDocument style, StyleRule rule, string type, JsonNode? filter, JsonObject paint)
    {
        var layer = new JsonObject
        {
            ["id"] = $"{style.Id}.{rule.Id}.{type}",
            ["type"] = type,
            ["source"] = _source.SourceId,
            ["source-layer"] = rule.SourceLayer,
        };
        if (filter is not null)
        {
            layer["filter"] = filter;
        }

        if (rule.MinZoom is { } min)
        {
            layer["minzoom"] = min;
        }

        if (rule.MaxZoom is { } max)
        {
            layer["maxzoom"] = max;
        }

        if (type == "line")
        {
            layer["layout"] = new JsonObject { ["line-join"] = "round" };
        }

        layer["paint"] = paint;
        layer["metadata"] = new JsonObject { ["tileserver:style"] = style.Id, ["tileserver:rule"] = rule.Id };
        return layer;
    }

    /// <summary>"#RRGGBB" when opaque, else CSS rgba() — both forms the MapLibre colour type accepts.</summary>
    private static string Colour(Rgba colour) => colour.A == 255
        ? $"#{colour.R:X2}{colour.G:X2}{colour.B:X2}"
        : string.Create(CultureInfo.InvariantCulture, $"rgba({colour.R}, {colour.G}, {colour.B}, {colour.A / 255.0:0.###})");
}
