namespace TileServer.Sources.PostGis.Import;

using Npgsql;

/// <summary>Loads one layer's rows into the staging table with <paramref name="copySql"/>, numbering them from
/// <paramref name="firstFid"/>; returns the row count and the validity proof to run, and reports progress as rows go.</summary>
internal delegate Task<CopyResult> CopyStep(NpgsqlConnection connection, string copySql, long firstFid, Action<long> reportRows, CancellationToken cancellationToken);
