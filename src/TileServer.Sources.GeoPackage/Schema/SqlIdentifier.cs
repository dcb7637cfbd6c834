namespace TileServer.Sources.GeoPackage.Schema;

/// <summary>Quotes SQLite identifiers. Identifiers only ever come from a GeoPackage's own catalogue or
/// from the writer's validated schema, never from a request; quoting keeps odd names harmless.</summary>
internal static class SqlIdentifier
{
    public static string Quote(string identifier)
    {
        if (identifier.Contains('\0'))
            throw new ArgumentException("SQL identifiers cannot contain NUL characters", nameof(identifier));
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The spatial index table name, GeoPackage 1.3 Annex F.3: rtree_&lt;t&gt;_&lt;c&gt;.</summary>
    public static string RTreeTableName(string table, string geometryColumn) => $"rtree_{table}_{geometryColumn}";
}
