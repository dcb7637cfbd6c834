using System.Text.Json;
using System.Text.RegularExpressions;

namespace TileServer.Styling;

/// <summary>Reads the JSON style format of styles/README.md into a <see cref="StyleDocument"/>, checking
/// every constraint up front so a bad style fails at start-up rather than at the first tile.</summary>
internal static partial class StyleParser
{
    /// <summary>Highest zoom accepted for minZoom/maxZoom (WebMercatorQuad stops at 24; MapLibre at 24).</summary>
    private const double MaxZoomLevel = 24;

    public static StyleDocument Parse(string json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException exception)
        {
            throw new StyleFormatException($"{origin}: not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }

        using (document)
        {
            var root = new StyleJson(document.RootElement, origin);
            root.RejectUnknown("id", "version", "title", "sourceLayer", "source", "minZoom", "maxZoom", "rules");
            string id = Identifier(root, "id");
            var styleRoot = new StyleJson(document.RootElement, $"{origin}: style '{id}'");
            double version = styleRoot.RequiredNumber("version", 1, int.MaxValue);
            if (version != Math.Floor(version))
            {
                throw styleRoot.Error("version", "must be a whole number.");
            }

            LocalizedText title = Text(styleRoot.Object("title"));
            string? sourceLayer = styleRoot.OptionalString("sourceLayer");
            (double? minZoom, double? maxZoom) = ZoomRange(styleRoot);
            List<StyleRule> rules = Rules(styleRoot, sourceLayer, minZoom, maxZoom);
            return new StyleDocument
            {
                Id = id,
                Version = (int)version,
                Title = title,
                SourceLayer = sourceLayer,
                Source = styleRoot.OptionalString("source"),
                Rules = rules,
            };
        }
    }

    private static List<StyleRule> Rules(StyleJson style, string? defaultLayer, double? defaultMin, double? defaultMax)
    {
        if (!style.Has("rules") || style.Raw("rules").ValueKind != JsonValueKind.Array || style.Raw("rules").GetArrayLength() == 0)
        {
            throw style.Error("rules", "must be a non-empty array.");
        }

        var rules = new List<StyleRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int number = 0;
        foreach (JsonElement element in style.Raw("rules").EnumerateArray())
        {
            number++;
            string label = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out JsonElement idValue) && idValue.ValueKind == JsonValueKind.String
                ? $"rule {number} ('{idValue.GetString()}')"
                : $"rule {number}";
            var rule = new StyleJson(element, $"{style.Place}: {label}");
            rule.RejectUnknown("id", "name", "sourceLayer", "filter", "fill", "stroke", "hatch", "minZoom", "maxZoom");
            string id = Identifier(rule, "id");
            if (!ids.Add(id))
            {
                throw rule.Error("id", $"'{id}' is used by an earlier rule; rule ids must be unique within a style.");
            }

            string sourceLayer = rule.OptionalString("sourceLayer") ?? defaultLayer
                ?? throw rule.Error("sourceLayer", "is required when the style has no sourceLayer.");
            (double? minZoom, double? maxZoom) = ZoomRange(rule);
            var parsed = new StyleRule
            {
                Id = id,
                Name = rule.Has("name") ? Text(rule.Object("name")) : null,
                SourceLayer = sourceLayer,
                Filter = rule.Has("filter") ? Filter(rule.Object("filter")) : StyleFilter.Always,
                Fill = rule.Has("fill") ? Fill(rule.Object("fill")) : null,
                Stroke = rule.Has("stroke") ? Stroke(rule.Object("stroke")) : null,
                Hatch = rule.Has("hatch") ? Hatch(rule.Object("hatch")) : null,
                MinZoom = minZoom ?? defaultMin,
                MaxZoom = maxZoom ?? defaultMax,
            };
            if (parsed.Fill is null && parsed.Stroke is null && parsed.Hatch is null)
            {
                throw rule.Error(string.Empty, "draws nothing: give it a fill, a stroke or a hatch.");
            }

            if (parsed.MinZoom is { } min && parsed.MaxZoom is { } max && min >= max)
            {
                throw rule.Error("minZoom", $"{min} is not below maxZoom {max} (maxZoom is exclusive).");
            }

            rules.Add(parsed);
        }

        return rules;
    }

    private static StyleFilter Filter(StyleJson filter)
    {
        filter.RejectUnknown("field", "equals", "in", "prefix", "always");
        if (filter.Has("always"))
        {
            if (filter.Raw("always").ValueKind != JsonValueKind.True || filter.Has("field"))
            {
                throw filter.Error("always", "must be true and stand alone (omit the filter to match every feature).");
            }

            return StyleFilter.Always;
        }

        string field = filter.RequiredString("field");
        int tests = (filter.Has("equals") ? 1 : 0) + (filter.Has("in") ? 1 : 0) + (filter.Has("prefix") ? 1 : 0);
        if (tests != 1)
        {
            throw filter.Error(string.Empty, "needs exactly one of equals, in, prefix.");
        }

        return filter.Has("equals") ? StyleFilter.EqualTo(field, filter.RequiredString("equals"))
            : filter.Has("prefix") ? StyleFilter.StartsWith(field, filter.RequiredString("prefix"))
            : StyleFilter.OneOf(field, filter.StringArray("in"));
    }

    private static FillSymbolizer Fill(StyleJson fill)
    {
        fill.RejectUnknown("color", "opacity");
        return new FillSymbolizer(fill.Color("color"), fill.OptionalNumber("opacity", 0, 1) ?? 1);
    }

    private static StrokeSymbolizer Stroke(StyleJson stroke)
    {
        stroke.RejectUnknown("color", "width", "opacity", "dashArray");
        return new StrokeSymbolizer(stroke.Color("color"), stroke.OptionalNumber("width", 0.05, 64) ?? 1,
            stroke.OptionalNumber("opacity", 0, 1) ?? 1, stroke.OptionalPositiveNumbers("dashArray"));
    }

    private static HatchSymbolizer Hatch(StyleJson hatch)
    {
        hatch.RejectUnknown("color", "spacing", "angle", "width", "opacity");
        double spacing = hatch.RequiredNumber("spacing", 1, 256);
        double width = hatch.OptionalNumber("width", 0.05, 64) ?? 1;
        if (width >= spacing)
        {
            throw hatch.Error("width", $"{width} is not below spacing {spacing}; the hatch would be a solid fill.");
        }

        return new HatchSymbolizer(hatch.Color("color"), spacing, hatch.OptionalNumber("angle", -360, 360) ?? 45, width,
            hatch.OptionalNumber("opacity", 0, 1) ?? 1);
    }

    private static (double? Min, double? Max) ZoomRange(StyleJson json) =>
        (json.OptionalNumber("minZoom", 0, MaxZoomLevel), json.OptionalNumber("maxZoom", 0, MaxZoomLevel + 1));

    private static LocalizedText Text(StyleJson text)
    {
        text.RejectUnknown("zh", "en");
        return new LocalizedText(text.RequiredString("zh"), text.RequiredString("en"));
    }

    private static string Identifier(StyleJson json, string name)
    {
        string value = json.RequiredString(name);
        return IdentifierPattern().IsMatch(value)
            ? value
            : throw json.Error(name, $"'{value}' may hold only letters, digits, '_' and '-' (it becomes part of layer ids and URLs).");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdentifierPattern();
}
