namespace TileServer.Sources.PostGis.Import;

/// <summary>A progress report: the stage (copy, validate, repair, index, swap, done), rows loaded so far
/// and the loading rate since the layer started.</summary>
public sealed record ImportProgress(string Table, string Stage, long Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : 0;
}
