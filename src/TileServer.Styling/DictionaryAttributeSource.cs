namespace TileServer.Styling;

/// <summary>An <see cref="IAttributeSource"/> over a dictionary (tests, legends, ad-hoc callers).</summary>
public readonly struct DictionaryAttributeSource(IReadOnlyDictionary<string, string?> attributes) : IAttributeSource
{
    public string? GetValue(string field) => attributes.TryGetValue(field, out string? value) ? value : null;
}
