namespace TileServer.Styling;

/// <summary>The rules of one source layer that test one field, indexed by value and by prefix so finding a
/// feature's rule costs a few dictionary probes whatever the number of rules (175 for land use).</summary>
internal sealed class FieldRuleIndex
{
    private readonly Dictionary<string, List<int>> _exactBuilder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _prefixBuilder = new(StringComparer.Ordinal);
    private Dictionary<string, int[]> _exact = [];
    private Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private int[] _prefixLengths = [];

    public FieldRuleIndex(string field) => Field = field;

    public string Field { get; }

    public void Add(StyleFilter filter, int ruleIndex)
    {
        Dictionary<string, List<int>> target = filter.Kind == StyleFilterKind.Prefix ? _prefixBuilder : _exactBuilder;
        foreach (string value in filter.Values)
        {
            if (!target.TryGetValue(value, out List<int>? indices))
            {
                target[value] = indices = [];
            }

            indices.Add(ruleIndex); // added in rule order, so each list is ascending
        }
    }

    public void Freeze()
    {
        _exact = _exactBuilder.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        var prefixes = _prefixBuilder.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLengths = [.. prefixes.Keys.Select(key => key.Length).Distinct().Order()];
    }

    /// <summary>The lowest rule index below <paramref name="best"/> that matches <paramref name="value"/>
    /// and applies at <paramref name="zoom"/>, else <paramref name="best"/>.</summary>
    public int FindFirst(string value, double zoom, int best, StyleRule[] rules)
    {
        if (_exact.TryGetValue(value, out int[]? exact))
        {
            best = FirstApplying(exact, zoom, best, rules);
        }

        foreach (int length in _prefixLengths)
        {
            if (length > value.Length)
            {
                break;
            }

            // Span lookup: probing "01" for "0101" allocates no substring.
            if (_prefixes.TryGetValue(value.AsSpan(0, length), out int[]? prefixed))
            {
                best = FirstApplying(prefixed, zoom, best, rules);
            }
        }

        return best;
    }

    internal static int FirstApplying(int[] ascending, double zoom, int best, StyleRule[] rules)
    {
        foreach (int index in ascending)
        {
            if (index >= best)
            {
                break;
            }

            if (rules[index].AppliesAtZoom(zoom))
            {
                return index;
            }
        }

        return best;
    }
}
