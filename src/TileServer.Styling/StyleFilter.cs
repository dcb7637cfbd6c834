namespace TileServer.Styling;

/// <summary>A test on one attribute, compared as text with ordinal (code-point) comparison because the
/// fields styled here are codes and names, never locale-sensitive words.</summary>
public sealed class StyleFilter
{
    private StyleFilter(StyleFilterKind kind, string? field, IReadOnlyList<string> values)
    {
        Kind = kind;
        Field = field;
        Values = values;
    }

    public static StyleFilter Always { get; } = new(StyleFilterKind.Always, null, []);

    public StyleFilterKind Kind { get; }

    /// <summary>The attribute tested; null only for <see cref="StyleFilterKind.Always"/>.</summary>
    public string? Field { get; }

    /// <summary>One value for Equals and Prefix, one or more for In, none for Always.</summary>
    public IReadOnlyList<string> Values { get; }

    public static StyleFilter EqualTo(string field, string value) => new(StyleFilterKind.Equals, field, [value]);

    public static StyleFilter OneOf(string field, IReadOnlyList<string> values) => new(StyleFilterKind.In, field, [.. values]);

    public static StyleFilter StartsWith(string field, string prefix) => new(StyleFilterKind.Prefix, field, [prefix]);

    /// <summary>Whether a feature whose <see cref="Field"/> holds <paramref name="value"/> matches.</summary>
    public bool Matches(string? value)
    {
        if (Kind == StyleFilterKind.Always)
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        if (Kind == StyleFilterKind.Prefix)
        {
            return value.StartsWith(Values[0], StringComparison.Ordinal);
        }

        foreach (string candidate in Values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Kind switch
    {
        StyleFilterKind.Always => "always",
        StyleFilterKind.Prefix => $"{Field} starts with '{Values[0]}'",
        _ => $"{Field} in [{string.Join(", ", Values)}]",
    };
}
