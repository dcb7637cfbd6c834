namespace TileServer.Protocols.OgcApi;

using TileServer.Core.Errors;
using TileServer.Core.Features.Filtering;
using TileServer.Core.Layers;

/// <summary>The <c>sortby</c> parameter of OGC API – Features Part 5 (Schemas, sorting; as ldproxy and pygeoapi
/// read it): a comma-separated list of queryable properties, each optionally prefixed "+" (ascending, the default)
/// or "-" (descending). A bare "+" arrives as a space when a client does not percent-encode it (form decoding), so
/// leading spaces mean ascending too. The sources add the row id as the last key, so pages of a sorted result
/// neither overlap nor skip features.</summary>
public static class SortByParser
{
    public const string Parameter = "sortby";

    public static IReadOnlyList<SortKey> Parse(string? text, PublishedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (string.IsNullOrEmpty(text))
            return [];
        var keys = new List<SortKey>();
        foreach (string raw in text.Split(','))
        {
            string item = raw.TrimStart();
            bool descending = item.StartsWith('-');
            if (item.StartsWith('+') || descending)
                item = item[1..];
            item = item.Trim();
            if (item.Length == 0)
                throw new InvalidParameterException(Parameter, $"sortby '{text}' has an empty item");
            if (!layer.ExposedFields.Any(f => f.Name == item))
                throw new InvalidParameterException(Parameter, $"cannot sort by '{item}': not a queryable of collection '{layer.Id}' (queryables: {string.Join(", ", layer.ExposedFields.Select(f => f.Name))})");
            if (keys.Any(k => k.Field == item))
                throw new InvalidParameterException(Parameter, $"sortby names '{item}' twice");
            keys.Add(new SortKey(item, descending));
        }

        return keys;
    }
}
