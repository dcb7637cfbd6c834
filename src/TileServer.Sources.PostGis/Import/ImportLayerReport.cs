namespace TileServer.Sources.PostGis.Import;

/// <summary>The outcome of importing one layer. <see cref="InvalidGeometries"/> counts the features
/// whose geometry failed ST_IsValid; <see cref="FirstInvalidFids"/> lists the first of them;
/// <see cref="DroppedAfterRepair"/> those whose repair left no geometry of the layer's dimension.</summary>
public sealed record ImportLayerReport(
    string Table,
    long Rows,
    long InvalidGeometries,
    IReadOnlyList<long> FirstInvalidFids,
    long DroppedAfterRepair,
    TimeSpan CopyTime,
    TimeSpan TotalTime)
{
    /// <summary>Rows per second of the binary COPY alone.</summary>
    public double CopyRowsPerSecond => CopyTime.TotalSeconds > 0 ? Rows / CopyTime.TotalSeconds : 0;

    /// <summary>Rows per second end to end (COPY, validation, keys, GiST index, ANALYZE, swap).</summary>
    public double RowsPerSecond => TotalTime.TotalSeconds > 0 ? Rows / TotalTime.TotalSeconds : 0;
}
