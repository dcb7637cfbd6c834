namespace TileServer.Protocols.Wfs;

using System.Text;
using System.Xml.Linq;
using TileServer.Core.Layers;

/// <summary>Resolves the property names of one query — GetFeature PROPERTYNAME / wfs:PropertyName, GetPropertyValue
/// VALUEREFERENCE, SORTBY / fes:SortBy and FES fes:ValueReference — to the local names of the feature type's
/// properties. The properties are elements of the application schema, in the feature type's namespace
/// (<see cref="WfsOptions.FeatureNamespace"/>), so a qualified property name is checked by the same rule as a type
/// name (<see cref="WfsTypeNames.ForeignNamespace"/>): unqualified, the server's own unbound prefix, or any prefix bound
/// to the feature namespace is accepted; an unbound foreign prefix, a prefix bound to another URI or Clark notation
/// with another URI names no property of this type (09-025r2 §7.9.2.4.1 and §7.9.2.5; 09-026r2 §7.4.4: a value
/// reference is an XPath whose steps are qualified names resolved by the in-scope namespace bindings).
/// <para>The XPath subset accepted is the property step alone, or a step naming the feature type followed by the
/// property step (<c>gh:xzq/gh:xzqmc</c>), as clients that build paths from the feature element write them.</para>
/// </summary>
public sealed class WfsPropertyNames(PublishedLayer layer, IReadOnlyDictionary<string, string> bindings, WfsOptions options)
{
    /// <summary>The local name <paramref name="reference"/> names, or InvalidParameterValue at
    /// <paramref name="locator"/>. Whether the feature type has that property is left to the caller, which knows
    /// the geometry property and its own wording. <paramref name="scope"/> is the XML element the reference was
    /// written in (a fes:ValueReference): its in-scope declarations bind prefixes before the request's NAMESPACES.</summary>
    public string LocalName(string reference, string locator, XElement? scope = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        string trimmed = reference.Trim();
        var steps = Steps(trimmed);
        if (steps.Count > 2)
            throw Unknown(trimmed, locator, "only a property or feature-type/property path is supported");
        foreach (string step in steps)
        {
            if (WfsTypeNames.ForeignNamespace(step, prefix => Lookup(prefix, scope), options) is { } problem)
                throw Unknown(trimmed, locator, problem);
        }

        if (steps.Count == 2 && WfsFeatureTypes.LocalName(steps[0]) != layer.Id)
            throw Unknown(trimmed, locator, $"the path must start at the feature type '{layer.Id}'");
        return WfsFeatureTypes.LocalName(steps[^1]);
    }

    /// <summary>The location steps of an XPath, split at '/' outside Clark braces (a namespace URI holds slashes).</summary>
    public static IReadOnlyList<string> Steps(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var steps = new List<string>();
        var step = new StringBuilder();
        bool inBraces = false;
        foreach (char c in path)
        {
            if (c == '/' && !inBraces)
            {
                steps.Add(step.ToString().Trim());
                step.Clear();
                continue;
            }

            inBraces = c == '{' || (inBraces && c != '}');
            step.Append(c);
        }

        steps.Add(step.ToString().Trim());
        return steps;
    }

    private string? Lookup(string prefix, XElement? scope) =>
        (scope is null ? null : DeclaredNamespace(scope, prefix)) ?? bindings.GetValueOrDefault(prefix);

    /// <summary>The namespace URI <paramref name="prefix"/> is bound to where <paramref name="scope"/> stands, or null.</summary>
    /// <remarks>Only an NCName can be declared as a prefix (GetNamespaceOfPrefix throws on an empty one).</remarks>
    internal static string? DeclaredNamespace(XElement scope, string prefix) =>
        IsNcName(prefix) ? scope.GetNamespaceOfPrefix(prefix)?.NamespaceName : null;

    /// <summary>Whether <paramref name="text"/> can be an XML prefix.</summary>
    private static bool IsNcName(string text)
    {
        try
        {
            System.Xml.XmlConvert.VerifyNCName(text);
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }

    private WfsException Unknown(string reference, string locator, string problem) =>
        WfsException.Invalid(locator, $"feature type '{layer.Id}' has no property '{reference}': {problem}");
}
