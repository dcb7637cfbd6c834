namespace TileServer.Sources.PostGis;

using System.Text.RegularExpressions;

/// <summary>Quoting of identifiers that came from the catalogue (or were validated as plain names).
/// PostgreSQL docs §4.1.1: a quoted identifier may hold any character but NUL; quotes are doubled.</summary>
internal static partial class SqlIdentifier
{
    public static string Quote(string identifier)
    {
        if (string.IsNullOrEmpty(identifier) || identifier.Contains('\0'))
            throw new ArgumentException("invalid SQL identifier", nameof(identifier));
        return "\"" + identifier.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>Names an importer creates: lowercase ASCII, digits, underscore, at most 63 bytes
    /// (NAMEDATALEN - 1), so they need no quoting in hand-written SQL either.</summary>
    public static bool IsPlainName(string name) => PlainName().IsMatch(name);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainName();
}
