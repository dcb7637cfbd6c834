namespace TileServer.Sources.PostGis.Import;

/// <summary>The outcome of importing one layer. <see cref="InvalidGeometries"/> counts the features
/// whose geometry failed ST_IsValid; <see cref="FirstInvalidFids"/> lists the first of them;
/// <see cref="DroppedAfterRepair"/> those whose repair left no geometry of the layer's dimension;
/// <see cref="Stages"/> the time of each stage in order; <see cref="CheckedByServer"/> the geometries the importer
/// could not prove valid itself, which ST_IsValid checked.</summary>
public sealed record ImportLayerReport(
    string Table,
    long Rows,
    long InvalidGeometries,
    IReadOnlyList<long> FirstInvalidFids,
    long DroppedAfterRepair,
    TimeSpan CopyTime,
    TimeSpan TotalTime,
    IReadOnlyList<ImportStageTime> Stages,
    long CheckedByServer = 0)
{
    /// <summary>Rows per second of the binary COPY alone.</summary>
    public double CopyRowsPerSecond => CopyTime.TotalSeconds > 0 ? Rows / CopyTime.TotalSeconds : 0;

    /// <summary>Rows per second end to end (COPY, validation, keys, GiST index, ANALYZE, swap).</summary>
    public double RowsPerSecond => TotalTime.TotalSeconds > 0 ? Rows / TotalTime.TotalSeconds : 0;

    /// <summary>The stages as "copy 1.52 s, validate 0.25 s, …" for a one-line summary.</summary>
    public string StageSummary => string.Join(", ", Stages.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Stage} {s.Duration.TotalSeconds:F2} s")));
}
