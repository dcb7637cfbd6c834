namespace TileServer.Sources.PostGis.Import;

/// <summary>What to do with geometries that are not OGC-valid (ST_IsValid false): either way they are
/// counted and reported, never loaded silently.</summary>
public enum InvalidGeometryHandling
{
    /// <summary>ST_MakeValid, keeping only the parts of the layer's dimension (ST_CollectionExtract);
    /// features whose repair leaves nothing are dropped and counted.</summary>
    Repair,

    /// <summary>Abort the import (nothing changes in the database).</summary>
    Reject,
}
