namespace TileServer.Protocols.Wfs;

using System.Globalization;
using Microsoft.AspNetCore.Http;

/// <summary>KVP parameters of one request. Names are case-insensitive (06-121r3 §11.5.2); the first of
/// repeated values wins; empty values count as absent.</summary>
public sealed class WfsParameters
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public WfsParameters(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        foreach (var (key, value) in pairs)
        {
            if (!string.IsNullOrEmpty(value))
                values.TryAdd(key, value);
        }
    }

    public static WfsParameters From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new WfsParameters(query.Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value.Count > 0 ? pair.Value[0] ?? "" : "")));
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    public string Required(string name) => this[name] ?? throw WfsException.Missing(name);

    /// <summary>A non-negative integer parameter, or null when absent.</summary>
    public long? NonNegative(string name)
    {
        string? text = this[name];
        if (text is null)
            return null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            throw WfsException.Invalid(name, $"{name} must be a non-negative integer, not '{text}'");
        return value;
    }

    /// <summary>The parameters with one replaced (for next and previous links), in request order.</summary>
    public string QueryStringWith(string name, string value)
    {
        var pairs = values.Where(p => !p.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")
            .Append($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        return string.Join('&', pairs);
    }
}
