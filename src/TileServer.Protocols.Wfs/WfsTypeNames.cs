namespace TileServer.Protocols.Wfs;

/// <summary>Resolves the feature type names of a request to the local names of the server's feature types.
/// A qualified name is a namespace URI plus a local name (W3C XML Namespaces; 09-025r2 §6.3); the prefix is only
/// a handle on the URI. KVP requests bind prefixes with NAMESPACES=xmlns(prefix,escaped_url),…
/// (09-025r2 §7.6.6 Table 7); XML requests by their in-scope xmlns declarations, which the POST binding turns
/// into the same NAMESPACES parameter. Every feature type lives in <see cref="WfsOptions.FeatureNamespace"/>, so:
/// <list type="bullet">
/// <item>an unqualified name is matched by its local name (clients routinely send <c>typeNames=ghyd</c>, and an XML
/// request's default namespace is usually the WFS one, so applying it would refuse them all);</item>
/// <item>a prefix bound by the request must be bound to the server's namespace URI;</item>
/// <item>an unbound prefix is accepted only when it is the server's own prefix, as advertised in GetCapabilities;</item>
/// <item>Clark notation <c>{uri}name</c> must carry the server's namespace URI.</item>
/// </list>
/// Anything else names a feature type this server does not have: InvalidParameterValue, as for an unknown local
/// name.</summary>
public static class WfsTypeNames
{
    /// <summary>The prefix bindings of the NAMESPACES parameter (WFS 1.1's NAMESPACE, whose bindings read
    /// <c>xmlns(prefix=url)</c>, is accepted too). The default namespace, <c>xmlns(url)</c>, is keyed by "".</summary>
    public static IReadOnlyDictionary<string, string> Bindings(WfsParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        string locator = p["namespaces"] is null && p["namespace"] is not null ? "namespace" : "namespaces";
        string? text = p["namespaces"] ?? p["namespace"];
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is null)
            return bindings;
        int position = 0;
        while (position < text.Length)
        {
            int start = text.IndexOf("xmlns(", position, StringComparison.OrdinalIgnoreCase);
            int end = start < 0 ? -1 : text.IndexOf(')', start);
            if (start < 0 || end < 0 || text.AsSpan(position, start - position).Trim().Trim(',').Length > 0)
                throw WfsException.Invalid(locator, $"'{text}' is not a comma-separated list of xmlns(prefix,namespace-URI)");
            string inner = text[(start + 6)..end];
            var (prefix, uri) = Binding(inner);
            if (uri.Length == 0 || prefix.Contains(':', StringComparison.Ordinal))
                throw WfsException.Invalid(locator, $"'xmlns({inner})' does not bind a prefix to a namespace URI");
            bindings[prefix] = uri;
            position = end + 1;
        }

        return bindings;
    }

    /// <summary>The local name of <paramref name="name"/> when it may name one of the server's feature types;
    /// otherwise InvalidParameterValue at <paramref name="locator"/>.</summary>
    public static string LocalName(string name, IReadOnlyDictionary<string, string> bindings, WfsOptions options, string locator)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bindings);
        string trimmed = name.Trim();
        if (ForeignNamespace(trimmed, prefix => bindings.GetValueOrDefault(prefix), options) is { } problem)
            throw WfsException.Invalid(locator, $"feature type '{trimmed}' is unknown: {problem}");
        return WfsFeatureTypes.LocalName(trimmed);
    }

    /// <summary>Why the qualified name <paramref name="name"/> (<c>prefix:local</c> or <c>{uri}local</c>) is not in
    /// the server's feature namespace, or null when it is or is unqualified. <paramref name="lookup"/> gives the URI a
    /// prefix is bound to in the request (null: unbound). Shared by type names and property names
    /// (<see cref="WfsPropertyNames"/>), which live in the same namespace.</summary>
    internal static string? ForeignNamespace(string name, Func<string, string?> lookup, WfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(options);
        string? uri;
        int brace = name.LastIndexOf('}');
        if (name.StartsWith('{') && brace > 0)
        {
            uri = name[1..brace];
        }
        else
        {
            int colon = name.LastIndexOf(':');
            if (colon < 0)
                return null;
            string prefix = name[..colon];
            uri = lookup(prefix) ?? (prefix == options.FeatureNamespacePrefix ? options.FeatureNamespace : null);
            if (uri is null)
                return $"prefix '{prefix}' is not bound (declare it with NAMESPACES=xmlns({prefix},{options.FeatureNamespace}))";
        }

        return string.Equals(uri, options.FeatureNamespace, StringComparison.Ordinal) ? null
            : $"namespace '{uri}' is not this server's feature namespace {options.FeatureNamespace}";
    }

    /// <summary>"prefix,url" (WFS 2.0), "prefix=url" (WFS 1.1) or just "url" (the default namespace). The URL is
    /// percent-escaped (06-121r3 §11.3), so a literal comma can only be the separator.</summary>
    private static (string Prefix, string Uri) Binding(string inner)
    {
        int comma = inner.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
            return (inner[..comma].Trim(), Uri.UnescapeDataString(inner[(comma + 1)..].Trim()));
        int equals = inner.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && !inner[..equals].Contains('/', StringComparison.Ordinal))
            return (inner[..equals].Trim(), Uri.UnescapeDataString(inner[(equals + 1)..].Trim()));
        return ("", Uri.UnescapeDataString(inner.Trim()));
    }
}
