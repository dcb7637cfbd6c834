using TileServer.Rendering;

namespace TileServer.Styling;

/// <summary>Chooses the symbols of a feature for the raster canvas: the first rule of the style (in document
/// order) whose source layer, filter and zoom range match. Rules are indexed per source layer and field when
/// the painter is built, so <see cref="Resolve{TAttributes}"/> does dictionary probes only — no LINQ, no
/// allocation per feature. Thread-safe once constructed.</summary>
public sealed class StylePainter
{
    private readonly StyleRule[] _rules;
    private readonly ResolvedSymbol[] _symbols;
    private readonly Dictionary<string, LayerRuleIndex> _layers = new(StringComparer.Ordinal);

    public StylePainter(StyleDocument style)
    {
        ArgumentNullException.ThrowIfNull(style);
        Style = style;
        _rules = [.. style.Rules];
        _symbols = new ResolvedSymbol[_rules.Length];
        for (int i = 0; i < _rules.Length; i++)
        {
            StyleRule rule = _rules[i];
            _symbols[i] = new ResolvedSymbol(rule);
            if (!_layers.TryGetValue(rule.SourceLayer, out LayerRuleIndex? layer))
            {
                _layers[rule.SourceLayer] = layer = new LayerRuleIndex();
            }

            layer.Add(rule.Filter, i);
        }

        foreach (LayerRuleIndex layer in _layers.Values)
        {
            layer.Freeze();
        }
    }

    public StyleDocument Style { get; }

    /// <summary>Source layers the style draws.</summary>
    public IEnumerable<string> SourceLayers => _layers.Keys;

    /// <summary>The symbols of the first matching rule, or null when no rule matches (draw nothing).</summary>
    public ResolvedSymbol? Resolve<TAttributes>(string sourceLayer, TAttributes attributes, double zoom)
        where TAttributes : IAttributeSource
    {
        if (!_layers.TryGetValue(sourceLayer, out LayerRuleIndex? layer))
        {
            return null;
        }

        int best = FieldRuleIndex.FirstApplying(layer.AlwaysRules, zoom, int.MaxValue, _rules);
        foreach (FieldRuleIndex field in layer.Fields)
        {
            if (attributes.GetValue(field.Field) is { } value)
            {
                best = field.FindFirst(value, zoom, best, _rules);
            }
        }

        return best == int.MaxValue ? null : _symbols[best];
    }

    /// <summary>Convenience overload for callers holding attributes in a dictionary.</summary>
    public ResolvedSymbol? Resolve(string sourceLayer, IReadOnlyDictionary<string, string?> attributes, double zoom) =>
        Resolve(sourceLayer, new DictionaryAttributeSource(attributes), zoom);

    /// <summary>Symbols of a rule by id (legends, previews).</summary>
    public ResolvedSymbol SymbolOf(string ruleId)
    {
        foreach (ResolvedSymbol symbol in _symbols)
        {
            if (symbol.Rule.Id == ruleId)
            {
                return symbol;
            }
        }

        throw new KeyNotFoundException($"Style '{Style.Id}' has no rule '{ruleId}'.");
    }
}
