namespace TileServer.Sources.PostGis.Import;

using Npgsql;

/// <summary>Loads one layer's rows into the staging table with <paramref name="copySql"/>, numbering them from
/// <paramref name="firstFid"/>; returns the row count, adds to <paramref name="unproven"/> the fids whose validity
/// the client could not prove, and reports progress as rows go.</summary>
internal delegate Task<long> CopyStep(NpgsqlConnection connection, string copySql, long firstFid, List<long> unproven, Action<long> reportRows, CancellationToken cancellationToken);
