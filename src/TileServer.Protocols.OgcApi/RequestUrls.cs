namespace TileServer.Protocols.OgcApi;

using System.Text;
using Microsoft.AspNetCore.Http;

/// <summary>Absolute URLs for links, built from the request so they work behind any host name.</summary>
public static class RequestUrls
{
    public static string Base(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>The request's own URL with some query parameters replaced or added (null removes one), keeping
    /// the others in their order: self, alternate, next and prev links.</summary>
    public static string WithQuery(HttpRequest request, params (string Name, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = new StringBuilder(Base(request)).Append(request.Path.ToUriComponent());
        var pending = changes.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        char separator = '?';
        foreach (var (name, values) in request.Query)
        {
            if (pending.Remove(name, out string? replacement))
            {
                if (replacement is not null)
                    Append(url, ref separator, name, replacement);
                continue;
            }

            foreach (string? value in values)
                Append(url, ref separator, name, value ?? "");
        }

        foreach (var (name, value) in changes)
        {
            if (value is not null && pending.ContainsKey(name))
                Append(url, ref separator, name, value);
        }

        return url.ToString();
    }

    private static void Append(StringBuilder url, ref char separator, string name, string value)
    {
        url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        separator = '&';
    }
}
