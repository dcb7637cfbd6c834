namespace TileServer.Sources.PostGis.Import;

/// <summary>What an import does when the target table already exists.</summary>
public enum ImportMode
{
    /// <summary>Create the table; fail when it exists.</summary>
    Create,

    /// <summary>Swap in a freshly loaded table in place of the existing one (or create it).</summary>
    Replace,

    /// <summary>Add the rows to the existing table (or create it); new fids follow the largest one.</summary>
    Append,
}
