namespace TileServer.Sources.PostGis.Import;

/// <summary>How long one stage of a layer's import took (copy, validate, repair, index, analyze, swap or
/// append), so a slow import shows where its time went.</summary>
public sealed record ImportStageTime(string Stage, TimeSpan Duration);
