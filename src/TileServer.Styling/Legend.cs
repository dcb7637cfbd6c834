using System.Text.Json;
using System.Text.Json.Nodes;

namespace TileServer.Styling;

/// <summary>A rendered legend: the swatch grid as PNG and the matching entries (JSON legend).</summary>
public sealed class Legend
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    internal Legend(StyleDocument style, byte[] png, int width, int height, IReadOnlyList<LegendEntry> entries)
    {
        Style = style;
        Png = png;
        Width = width;
        Height = height;
        Entries = entries;
    }

    public StyleDocument Style { get; }

    public byte[] Png { get; }

    public int Width { get; }

    public int Height { get; }

    public IReadOnlyList<LegendEntry> Entries { get; }

    /// <summary>The JSON legend: style id, titles, image size and one object per entry (code, names, colours, swatch box).</summary>
    public JsonObject ToJson()
    {
        var entries = new JsonArray();
        foreach (LegendEntry entry in Entries)
        {
            entries.Add(new JsonObject
            {
                ["rule"] = entry.RuleId,
                ["sourceLayer"] = entry.SourceLayer,
                ["codes"] = new JsonArray([.. entry.Codes.Select(code => JsonValue.Create(code))]),
                ["name_zh"] = entry.Name?.Zh,
                ["name_en"] = entry.Name?.En,
                ["fill"] = entry.FillColor,
                ["fillOpacity"] = entry.FillOpacity,
                ["stroke"] = entry.StrokeColor,
                ["hatch"] = entry.HatchColor,
                ["swatch"] = new JsonArray(entry.SwatchX, entry.SwatchY, entry.SwatchWidth, entry.SwatchHeight),
            });
        }

        return new JsonObject
        {
            ["style"] = Style.Id,
            ["version"] = Style.Version,
            ["title_zh"] = Style.Title.Zh,
            ["title_en"] = Style.Title.En,
            ["image"] = new JsonArray(Width, Height),
            ["entries"] = entries,
        };
    }

    public string ToJsonString() => ToJson().ToJsonString(Options);
}
