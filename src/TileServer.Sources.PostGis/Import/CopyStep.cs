namespace TileServer.Sources.PostGis.Import;

using Npgsql;

/// <summary>Loads one layer's rows into the staging table with <paramref name="copySql"/>, numbering them from
/// <paramref name="firstFid"/>; returns the row count and reports progress as rows go.</summary>
internal delegate Task<long> CopyStep(NpgsqlConnection connection, string copySql, long firstFid, Action<long> reportRows, CancellationToken cancellationToken);
