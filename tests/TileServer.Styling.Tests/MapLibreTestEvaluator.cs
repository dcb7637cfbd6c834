using System.Text.Json.Nodes;

namespace TileServer.Styling.Tests;

/// <summary>Evaluates the subset of MapLibre expressions the builder emits (==, !, all, any, <, >=, get,
/// to-string, slice, match, zoom) against one feature, following the style specification's semantics.</summary>
internal static class MapLibreTestEvaluator
{
    public static bool Matches(JsonNode? filter, IReadOnlyDictionary<string, string> properties, double zoom) =>
        filter is null || (bool)Evaluate(filter, properties, zoom)!;

    private static object? Evaluate(JsonNode? node, IReadOnlyDictionary<string, string> properties, double zoom)
    {
        if (node is JsonValue value)
        {
            return value.TryGetValue(out string? s) ? s : value.TryGetValue(out bool b) ? b : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var array = (JsonArray)node!;
        string op = array[0]!.GetValue<string>();
        object? Arg(int i) => Evaluate(array[i], properties, zoom);
        return op switch
        {
            "get" => properties.TryGetValue((string)Arg(1)!, out string? v) ? v : null,
            "zoom" => zoom,
            "to-string" => Arg(1)?.ToString() ?? string.Empty,
            "slice" => Slice((string)Arg(1)!, Convert.ToInt32(Arg(2)), Convert.ToInt32(Arg(3))),
            "==" => Equals(Arg(1), Arg(2)),
            "<" => Convert.ToDouble(Arg(1)) < Convert.ToDouble(Arg(2)),
            ">=" => Convert.ToDouble(Arg(1)) >= Convert.ToDouble(Arg(2)),
            "!" => !(bool)Arg(1)!,
            "all" => array.Skip(1).All(n => (bool)Evaluate(n, properties, zoom)!),
            "any" => array.Skip(1).Any(n => (bool)Evaluate(n, properties, zoom)!),
            "match" => ((JsonArray)array[2]!).Any(label => Equals(label!.GetValue<string>(), Arg(1))) ? Arg(3) : Arg(4),
            _ => throw new NotSupportedException(op),
        };
    }

    private static string Slice(string text, int start, int end) => text[Math.Min(start, text.Length)..Math.Min(end, text.Length)];
}
