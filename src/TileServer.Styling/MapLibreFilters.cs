using System.Text.Json.Nodes;

namespace TileServer.Styling;

/// <summary>Translates rule filters into MapLibre expressions. MapLibre draws every layer whose filter
/// matches, whereas our rules are first-match; so a rule's layer filter also excludes the earlier rules of
/// its source layer that may select the same features (at the zooms where those rules apply).</summary>
internal static class MapLibreFilters
{
    /// <summary>The layer filter of rule <paramref name="index"/>, or null when it needs none; sets
    /// <paramref name="unreachable"/> when earlier rules always win, so the layer can be left out.</summary>
    public static JsonNode? ForRule(IReadOnlyList<StyleRule> rules, int index, out bool unreachable)
    {
        StyleRule rule = rules[index];
        var terms = new List<JsonNode>();
        if (Test(rule.Filter) is { } own)
        {
            terms.Add(own);
        }

        unreachable = false;
        for (int j = 0; j < index; j++)
        {
            StyleRule earlier = rules[j];
            if (earlier.SourceLayer != rule.SourceLayer || !ZoomsOverlap(earlier, rule) || Disjoint(earlier.Filter, rule.Filter))
            {
                continue;
            }

            bool earlierZoomCovers = (earlier.MinZoom ?? 0) <= (rule.MinZoom ?? 0) &&
                (earlier.MaxZoom ?? double.PositiveInfinity) >= (rule.MaxZoom ?? double.PositiveInfinity);
            if (earlierZoomCovers && Covers(earlier.Filter, rule.Filter))
            {
                unreachable = true;
                return null;
            }

            var escape = new List<JsonNode>();
            if (!earlierZoomCovers)
            {
                // Filters see integer zooms only (MapLibre style spec, "filter"), like our raster tiles.
                if (earlier.MinZoom is { } min)
                {
                    escape.Add(new JsonArray("<", new JsonArray("zoom"), min));
                }

                if (earlier.MaxZoom is { } max)
                {
                    escape.Add(new JsonArray(">=", new JsonArray("zoom"), max));
                }
            }

            if (Test(earlier.Filter) is { } earlierTest)
            {
                escape.Add(new JsonArray("!", earlierTest));
            }

            terms.Add(escape.Count == 1 ? escape[0] : new JsonArray([JsonValue.Create("any"), .. escape]));
        }

        return terms.Count switch
        {
            0 => null,
            1 => terms[0],
            _ => new JsonArray([JsonValue.Create("all"), .. terms]),
        };
    }

    /// <summary>The expression of one filter: ["==", ["get", f], v], a "match" for in-lists, and a string
    /// slice comparison for prefixes; null for filters that match everything.</summary>
    public static JsonNode? Test(StyleFilter filter) => filter.Kind switch
    {
        StyleFilterKind.Always => null,
        StyleFilterKind.Equals => new JsonArray("==", Get(filter), filter.Values[0]),
        StyleFilterKind.In => new JsonArray("match", Get(filter), new JsonArray([.. filter.Values.Select(v => JsonValue.Create(v))]), true, false),
        _ => new JsonArray("==",
            new JsonArray("slice", new JsonArray("to-string", Get(filter)), 0, filter.Values[0].Length), filter.Values[0]),
    };

    private static JsonArray Get(StyleFilter filter) => new("get", filter.Field);

    private static bool ZoomsOverlap(StyleRule a, StyleRule b) =>
        Math.Max(a.MinZoom ?? 0, b.MinZoom ?? 0) < Math.Min(a.MaxZoom ?? double.PositiveInfinity, b.MaxZoom ?? double.PositiveInfinity);

    /// <summary>True when no feature can match both filters (provable only for tests of the same field).</summary>
    private static bool Disjoint(StyleFilter a, StyleFilter b)
    {
        if (a.Kind == StyleFilterKind.Always || b.Kind == StyleFilterKind.Always || a.Field != b.Field)
        {
            return false;
        }

        foreach (string x in a.Values)
        {
            foreach (string y in b.Values)
            {
                bool overlap = (a.Kind == StyleFilterKind.Prefix, b.Kind == StyleFilterKind.Prefix) switch
                {
                    (false, false) => x == y,
                    (true, false) => y.StartsWith(x, StringComparison.Ordinal),
                    (false, true) => x.StartsWith(y, StringComparison.Ordinal),
                    (true, true) => x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal),
                };
                if (overlap)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when every feature matching <paramref name="inner"/> also matches <paramref name="outer"/>.</summary>
    private static bool Covers(StyleFilter outer, StyleFilter inner)
    {
        if (outer.Kind == StyleFilterKind.Always)
        {
            return true;
        }

        if (inner.Kind == StyleFilterKind.Always || outer.Field != inner.Field)
        {
            return false;
        }

        if (outer.Kind == StyleFilterKind.Prefix)
        {
            return inner.Values.All(value => value.StartsWith(outer.Values[0], StringComparison.Ordinal));
        }

        return inner.Kind != StyleFilterKind.Prefix && inner.Values.All(outer.Values.Contains);
    }
}
