namespace TileServer.Protocols.Wfs;

using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using TileServer.Services.Features;

/// <summary>The XML encoding of GetFeature (09-025r2 §11.2.2): one wfs:Query (typeNames, srsName,
/// wfs:PropertyName, fes:Filter, fes:SortBy) or the GetFeatureById wfs:StoredQuery. It is rewritten into
/// the equivalent KVP parameters, so both encodings share one parser and the paging links of a POST
/// request are plain GET URLs.</summary>
public static class WfsPostRequest
{
    private const long MaxBodyBytes = 1024 * 1024;
    private static readonly XNamespace Wfs = WfsNamespaces.Wfs;
    private static readonly XNamespace Fes = WfsNamespaces.Fes;

    public static async Task<IResult> HandleAsync(HttpContext context, FeatureService features, WfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > MaxBodyBytes)
            throw new WfsException(WfsException.OperationParsingFailed, null, "the request body exceeds 1 MiB");
        XElement root;
        try
        {
            using var body = new BoundedRequestBody(context.Request.Body, MaxBodyBytes);
            using var reader = XmlReader.Create(body, WfsXml.RequestReaderSettings(async: true));
            var document = await XDocument.LoadAsync(reader, LoadOptions.None, context.RequestAborted).ConfigureAwait(false);
            root = document.Root!;
        }
        catch (XmlException bad)
        {
            throw new WfsException(WfsException.OperationParsingFailed, null, "the request is not well-formed XML: " + bad.Message);
        }

        if (root.Name != Wfs + "GetFeature")
        {
            throw new WfsException(WfsException.OperationNotSupported, "request",
                $"POST accepts wfs:GetFeature (namespace {Wfs.NamespaceName}); use KVP GET for {root.Name.LocalName}");
        }

        var p = new WfsParameters(ToKvp(root));
        string version = p.Required("version");
        if (version is not ("2.0.0" or "2.0.2"))
            throw WfsException.Invalid("version", $"version '{version}' is not supported; use 2.0.0");
        await WfsFeatureResponder.RespondAsync(context, WfsKvpQuery.Parse(p, features, options), features, options, WfsEndpoints.PageUrl(context, p))
            .ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>The KVP parameters equivalent to a wfs:GetFeature element (09-025r2 Table 17 ↔ §7.9.2.4).</summary>
    public static IEnumerable<KeyValuePair<string, string>> ToKvp(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pairs = new List<KeyValuePair<string, string>> { new("service", "WFS"), new("request", "GetFeature") };
        foreach (string name in (string[])["version", "count", "startIndex", "resultType", "outputFormat"])
        {
            if (Attribute(root, name) is { } value)
                pairs.Add(new(name, value));
        }

        var queries = root.Elements().Where(e => e.Name == Wfs + "Query" || e.Name == Wfs + "StoredQuery").ToList();
        if (queries.Count != 1)
            throw new WfsException(WfsException.OperationParsingFailed, null, "exactly one wfs:Query or wfs:StoredQuery per request is supported");
        var query = queries[0];
        if (query.Name == Wfs + "StoredQuery")
        {
            pairs.Add(new("storedQuery_Id", Attribute(query, "id") ?? throw WfsException.Missing("storedQuery_Id")));
            foreach (var parameter in query.Elements(Wfs + "Parameter"))
                pairs.Add(new((string?)parameter.Attribute("name") ?? "", parameter.Value.Trim()));
            return pairs;
        }

        string typeNames = Attribute(query, "typeNames") ?? throw WfsException.Missing("typeNames");
        pairs.Add(new("typeNames", typeNames));
        if (PrefixBindings(query, typeNames) is { } namespaces)
            pairs.Add(new("namespaces", namespaces));
        if (Attribute(query, "srsName") is { } srsName)
            pairs.Add(new("srsName", srsName));
        var properties = query.Elements(Wfs + "PropertyName").Select(PropertyName).ToList();
        if (properties.Count > 0)
            pairs.Add(new("propertyName", string.Join(',', properties)));
        if (query.Element(Fes + "Filter") is { } filter)
            pairs.Add(new("filter", Standalone(filter)));
        if (query.Element(Fes + "SortBy") is { } sortBy)
        {
            var keys = sortBy.Elements(Fes + "SortProperty").Select(s =>
                $"{(s.Element(Fes + "ValueReference") is { } reference ? PropertyName(reference) : "")} {((string?)s.Element(Fes + "SortOrder"))?.Trim() ?? "ASC"}");
            pairs.Add(new("sortBy", string.Join(',', keys)));
        }

        return pairs;
    }

    /// <summary>The in-scope bindings of the prefixes used in typeNames, as a KVP NAMESPACES value (09-025r2 §6.3,
    /// §7.6.6 Table 7), so the KVP parser matches qualified names by namespace URI, not by prefix, and the next
    /// and previous links (GET URLs) keep the bindings. An undeclared prefix is left unbound: the KVP rule then
    /// accepts only the server's own prefix.</summary>
    private static string? PrefixBindings(XElement query, string typeNames)
    {
        var bindings = new List<string>();
        foreach (string name in typeNames.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = name.IndexOf(':', StringComparison.Ordinal);
            string prefix = colon > 0 ? name[..colon] : "";
            if (prefix.Length == 0 || !prefix.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.'))
                continue; // unqualified, Clark notation or not a name at all: nothing to bind
            if (query.GetNamespaceOfPrefix(prefix) is { } uri)
                bindings.Add($"xmlns({prefix},{Uri.EscapeDataString(uri.NamespaceName)})");
        }

        return bindings.Count > 0 ? string.Join(',', bindings.Distinct(StringComparer.Ordinal)) : null;
    }

    /// <summary>A wfs:PropertyName or fes:ValueReference of a sort key with every prefix its element declares
    /// replaced by the namespace URI in Clark notation (<c>p:mj</c> → <c>{uri}mj</c>), so the KVP parser checks the
    /// URI the client meant (09-026r2 §7.4.4) even when other elements bind the same prefix differently. Undeclared
    /// prefixes are left as written: the KVP rule then accepts only the server's own prefix.</summary>
    private static string PropertyName(XElement element)
    {
        var steps = WfsPropertyNames.Steps(element.Value.Trim()).Select(step =>
        {
            int colon = step.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || step.StartsWith('{'))
                return step;
            return WfsPropertyNames.DeclaredNamespace(element, step[..colon]) is { } uri ? $"{{{uri}}}{step[(colon + 1)..]}" : step;
        });
        return string.Join('/', steps);
    }

    /// <summary>The fes:Filter as a document of its own that keeps the prefix declarations in scope where it was
    /// written: its fes:ValueReference texts use them, and XLinq only copies the declarations element names need.
    /// The nearest declaration of a prefix wins, as in the original; the default namespace is left out (an
    /// unqualified property name never takes it).</summary>
    private static string Standalone(XElement filter)
    {
        var copy = new XElement(filter);
        foreach (var declaration in filter.Ancestors().SelectMany(a => a.Attributes()))
        {
            if (declaration.IsNamespaceDeclaration && declaration.Name.Namespace == XNamespace.Xmlns && copy.Attribute(declaration.Name) is null)
                copy.Add(new XAttribute(declaration.Name, declaration.Value));
        }

        return copy.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Attribute names are matched ignoring case: OWSLib writes "typenames" and "outputformat".</summary>
    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.NamespaceName.Length == 0 && a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;
}
