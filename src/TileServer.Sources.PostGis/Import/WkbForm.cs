namespace TileServer.Sources.PostGis.Import;

/// <summary>How stored WKB goes into a COPY (<see cref="WkbPassThrough.Classify"/>).</summary>
internal enum WkbForm
{
    /// <summary>2D ISO WKB of the column's type: the bytes as they are.</summary>
    AsStored,

    /// <summary>A single part where the column is its Multi* kind: prefixed with a one-part multi header.</summary>
    WrapInMulti,

    /// <summary>Anything else: decoded and encoded again as the column's kind.</summary>
    Reencode,
}
