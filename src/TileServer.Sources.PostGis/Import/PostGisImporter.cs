namespace TileServer.Sources.PostGis.Import;

using System.Diagnostics;
using System.Runtime.CompilerServices;
using Npgsql;
using TileServer.Core.Features;

/// <summary>Loads feature layers into PostGIS tables (fid bigint primary key, typed geometry column,
/// one column per field, GiST index) with binary COPY. Each call runs in ONE transaction: rows go into
/// a staging table that replaces or feeds the target only at the end, so a failed, rejected or
/// cancelled import leaves the database exactly as it was.</summary>
public sealed class PostGisImporter(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        // Index builds and validation of large layers outlast the default 30 s.
        CommandTimeout = 0,
        ApplicationName = "tileserver:import",
        // Npgsql sends its write buffer as one CopyData message whenever it fills. The default 8 KB made
        // about 25,000 messages (each a send on our side and a read on the server's) for the 225,000 parcels of
        // the sample; 128 KB cut the client's and the server's CPU time of the COPY (docs/benchmarks.md). Rows
        // are encoded into a buffer of the same size (CopyBinaryBuffer), so one write fills one message.
        WriteBufferSize = BinaryCopy.BufferBytes,
    });

    /// <summary>Imports in-memory layers, all or nothing.</summary>
    public async Task<IReadOnlyList<ImportLayerReport>> ImportAsync(IReadOnlyList<FeatureLayerData> layers, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var layer in layers)
            Validate(layer.Schema, options);
        return await InTransactionAsync<IReadOnlyList<ImportLayerReport>>(async connection =>
        {
            var reports = new List<ImportLayerReport>(layers.Count);
            foreach (var layer in layers)
                reports.Add(await ImportLayerAsync(connection, layer.Schema, Copy(layer.Schema, ToAsync(layer.Features)), options, progress, cancellationToken));
            return reports;
        }, cancellationToken);
    }

    /// <summary>Imports a stream of features (e.g. read from a file), in its own transaction.</summary>
    public async Task<ImportLayerReport> ImportAsync(FeatureLayerSchema schema, IAsyncEnumerable<WritableFeature> features, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        Validate(schema, options);
        return await InTransactionAsync(connection => ImportLayerAsync(connection, schema, Copy(schema, features), options, progress, cancellationToken), cancellationToken);
    }

    /// <summary>Imports a table read row by row from a store (<see cref="IStoredFeatureRowReader"/>: no object per
    /// row, the geometry's stored WKB and the text's UTF-8 copied as they are), in its own transaction. The
    /// reader's fields must be the schema's, in the same order and types.</summary>
    public async Task<ImportLayerReport> ImportAsync(FeatureLayerSchema schema, IStoredFeatureRowReader rows, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        Validate(schema, options);
        if (!rows.Fields.Select(f => (f.Name, f.Type)).SequenceEqual(schema.Fields.Select(f => (f.Name, f.Type))))
            throw new ArgumentException($"{schema.Name}: the reader's fields are not the schema's", nameof(rows));
        CopyStep copy = (connection, copySql, firstFid, reportRows, token) => BinaryCopy.RowsAsync(connection, copySql, schema, rows, firstFid, reportRows, token);
        return await InTransactionAsync(connection => ImportLayerAsync(connection, schema, copy, options, progress, cancellationToken), cancellationToken);
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> in one tuned transaction on its own connection, committed only when it
    /// completes: all or nothing.</summary>
    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TuneAsync(connection, cancellationToken);
        var result = await work(connection);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Settings for this transaction only. JIT off: ST_IsValid's declared cost (10,000 per row) makes
    /// the planner JIT-compile the validity scan, which costs about 200 ms and saves nothing (measured,
    /// docs/benchmarks.md). More maintenance memory lets the GiST and primary-key builds sort in memory.</summary>
    private static Task TuneAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "SET LOCAL jit = off; SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);

    private static CopyStep Copy(FeatureLayerSchema schema, IAsyncEnumerable<WritableFeature> features) =>
        (connection, copySql, firstFid, reportRows, token) => BinaryCopy.FeaturesAsync(connection, copySql, schema, features, firstFid, reportRows, token);

    private static async Task<ImportLayerReport> ImportLayerAsync(NpgsqlConnection connection, FeatureLayerSchema schema, CopyStep copy, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var stages = new StageClock(clock);
        var sql = new ImportTableSql(options.TargetSchema, schema);
        await ExecuteAsync(connection, sql.CreateSchema, cancellationToken);
        var targetExists = await ScalarAsync<bool>(connection, "SELECT to_regclass(@name) IS NOT NULL", cancellationToken, ("name", sql.TargetForRegclass));
        if (targetExists && options.Mode == ImportMode.Create)
            throw new ImportRejectedException($"{options.TargetSchema}.{schema.Name} already exists (import mode Create)");

        long firstFid = 1;
        var appending = targetExists && options.Mode == ImportMode.Append;
        if (appending)
        {
            // Serialises concurrent appends so the fid ranges cannot overlap; readers are not blocked.
            await ExecuteAsync(connection, sql.LockTarget, cancellationToken);
            firstFid = await ScalarAsync<long>(connection, sql.MaxFid, cancellationToken) + 1;
        }

        await ExecuteAsync(connection, sql.CreateStaging, cancellationToken);
        stages.Start("copy");
        var copied = await copy(connection, sql.Copy, firstFid, rowsSoFar => progress?.Report(new ImportProgress(schema.Name, "copy", rowsSoFar, clock.Elapsed)), cancellationToken);
        var rows = copied.Rows;
        progress?.Report(new ImportProgress(schema.Name, "copy", rows, clock.Elapsed));
        var copyTime = clock.Elapsed;

        // The proof of the rows kept back during the COPY runs on the importer's core while the server builds the
        // key and the GiST index and analyses, each on one core; ST_IsValid then checks only what it left unproven,
        // looked up by key.
        var proving = copied.Proof.RunAsync(cancellationToken);
        try
        {
            if (!appending)
            {
                progress?.Report(new ImportProgress(schema.Name, "index", rows, clock.Elapsed));
                stages.Start("key");
                await ExecuteAsync(connection, sql.AddKey, cancellationToken);
                stages.Start("gist");
                await ExecuteAsync(connection, sql.CreateSpatialIndex, cancellationToken);
                stages.Start("analyze");
                await ExecuteAsync(connection, sql.Analyze, cancellationToken);
            }
        }
        finally
        {
            // Never leave the proof running past a failure: its buffers and result go with this import.
            if (!proving.IsCompleted)
                await Task.WhenAny(proving);
        }

        stages.Start("validate");
        var unproven = await proving;
        progress?.Report(new ImportProgress(schema.Name, "validate", rows, clock.Elapsed));
        // Rows the importer proved valid (PolygonValidityProof) are not checked again; when none was, the whole
        // table is scanned, without an array parameter.
        var invalid = unproven.Count == 0 ? []
            : unproven.Count == rows ? await ReadFidsAsync(connection, sql.InvalidFids, cancellationToken)
            : await ReadFidsAsync(connection, sql.InvalidFidsAmong, cancellationToken, ("fids", unproven.ToArray()));
        var firstInvalid = invalid.Take(options.ReportedInvalidIds).ToList();
        long dropped = 0;
        if (invalid.Count > 0)
        {
            if (options.InvalidGeometry == InvalidGeometryHandling.Reject)
                throw new ImportRejectedException(
                    $"{options.TargetSchema}.{schema.Name}: {invalid.Count} invalid geometries (first fids {string.Join(", ", firstInvalid)}); nothing imported",
                    invalid.Count, firstInvalid);
            progress?.Report(new ImportProgress(schema.Name, "repair", rows, clock.Elapsed));
            stages.Start("repair");
            await ExecuteAsync(connection, sql.Repair, cancellationToken, ("fids", invalid.ToArray()));
            dropped = await ExecuteAsync(connection, sql.DeleteEmpty, cancellationToken);
        }

        if (appending)
        {
            progress?.Report(new ImportProgress(schema.Name, "append", rows, clock.Elapsed));
            stages.Start("append");
            await ExecuteAsync(connection, sql.AppendFromStaging, cancellationToken);
        }
        else
        {
            progress?.Report(new ImportProgress(schema.Name, "swap", rows, clock.Elapsed));
            stages.Start("swap");
            await ExecuteAsync(connection, sql.Swap(targetExists), cancellationToken);
        }

        var loaded = rows - dropped;
        var stageTimes = stages.Stop();
        progress?.Report(new ImportProgress(schema.Name, "done", loaded, clock.Elapsed));
        return new ImportLayerReport(schema.Name, loaded, invalid.Count, firstInvalid, dropped, copyTime, clock.Elapsed, stageTimes, unproven.Count);
    }

    private static void Validate(FeatureLayerSchema schema, ImportOptions options)
    {
        var names = new[] { options.TargetSchema, schema.Name }.Concat(schema.Fields.Select(f => f.Name)).ToList();
        var bad = names.FirstOrDefault(n => !SqlIdentifier.IsPlainName(n));
        if (bad is not null)
            throw new ImportRejectedException($"'{bad}' is not a plain lowercase SQL name ([a-z_][a-z0-9_]*, at most 63 bytes)");
        var reserved = schema.Fields.FirstOrDefault(f => f.Name is ImportTableSql.IdColumn or ImportTableSql.GeometryColumn);
        if (reserved is not null)
            throw new ImportRejectedException($"{schema.Name}: field name '{reserved.Name}' is reserved for the feature id or geometry column");
        if (schema.Fields.Select(f => f.Name).Distinct().Count() != schema.Fields.Count)
            throw new ImportRejectedException($"{schema.Name}: duplicate field names");
    }

    private static async IAsyncEnumerable<WritableFeature> ToAsync(IReadOnlyList<WritableFeature> features, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var feature in features)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return feature;
        }

        await Task.CompletedTask;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<long>> ReadFidsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var fids = new List<long>();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            fids.Add(reader.GetInt64(0));
        return fids;
    }
}
