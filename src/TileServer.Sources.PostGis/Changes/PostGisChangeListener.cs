namespace TileServer.Sources.PostGis.Changes;

using Npgsql;
using TileServer.Sources.PostGis.Catalog;

/// <summary>Reports data changes of a PostGIS source's tables as they are committed: installs the change
/// triggers (<see cref="ChangeTriggerSql"/>) where the role may, LISTENs on one dedicated connection, and
/// hands each batch of notifications to a callback. NOTIFY is delivered only after commit, so a change is
/// never reported before other sessions can read it (PostgreSQL 15 docs, NOTIFY). Notifications sent while
/// the connection is down are lost, so after every reconnect all tables are reported as wholly changed.</summary>
public sealed class PostGisChangeListener
{
    private readonly string connectionString;
    private readonly IReadOnlyDictionary<(string Schema, string Name), PostGisTable> tables;

    internal PostGisChangeListener(string connectionString, IEnumerable<PostGisTable> tables)
    {
        this.connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            // A silent network drop must surface as an error, not an endless wait (Npgsql keepalive).
            KeepAlive = 15,
            ApplicationName = "tileserver:changes",
        }.ConnectionString;
        this.tables = tables.ToDictionary(t => (t.Schema, t.Name));
    }

    /// <summary>Longest pause between reconnect attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Installs the trigger function and each table's triggers, one transaction per table; returns the
    /// tables done and, for the others, why not (a view, or the role lacks the privilege).</summary>
    public Task<TriggerInstallation> InstallTriggersAsync(CancellationToken cancellationToken) => InstallTriggersAsync(tables.Values, cancellationToken);

    private async Task<TriggerInstallation> InstallTriggersAsync(IEnumerable<PostGisTable> selected, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var installed = new List<string>();
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await using var function = new NpgsqlCommand(ChangeTriggerSql.Function, connection);
            await function.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (connection.FullState != System.Data.ConnectionState.Broken)
        {
            foreach (var table in selected)
                skipped[table.Info.Table] = $"cannot create the trigger function: {e.MessageText}";
            return new TriggerInstallation(installed, skipped);
        }

        foreach (var table in selected)
        {
            string key = table.Info.Table;
            await using (var check = new NpgsqlCommand(ChangeTriggerSql.IsTriggerableSql, connection))
            {
                check.Parameters.AddWithValue("name", table.QualifiedName);
                if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
                {
                    skipped[key] = "not a table (views cannot carry triggers)";
                    continue;
                }
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var create = new NpgsqlCommand(ChangeTriggerSql.Triggers(table), connection, transaction);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                installed.Add(key);
            }
            catch (PostgresException e) when (connection.FullState != System.Data.ConnectionState.Broken)
            {
                // A refusal (no privilege, not the owner) skips the table. A fatal error — the server shutting
                // down, the session terminated — broke the connection: it propagates as the outage it is, since
                // the rollback and the next table could only fail on the dead connection.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                skipped[key] = e.MessageText;
            }
        }

        return new TriggerInstallation(installed, skipped);
    }

    /// <summary>Listens until cancelled, reconnecting with exponential backoff. <paramref name="onChanges"/> gets
    /// each batch of changes of published tables; <paramref name="onError"/> each connection failure.</summary>
    public async Task ListenAsync(Func<IReadOnlyList<TableChange>, CancellationToken, Task> onChanges, Action<Exception> onError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onChanges);
        ArgumentNullException.ThrowIfNull(onError);
        bool everConnected = false;
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!cancellationToken.IsCancellationRequested)
        {
            var pending = new List<TableChange>();
            var replaced = new List<PostGisTable>();
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, message) => Collect(message.Payload, pending, replaced);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeTriggerSql.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(250);
                if (everConnected)
                    await onChanges(tables.Values.Select(t => new TableChange(t.Info.Table, [])).ToList(), cancellationToken).ConfigureAwait(false);
                everConnected = true;
                Connected?.Invoke();

                while (!cancellationToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                    if (replaced.Count > 0)
                    {
                        // A re-imported table is a new table: it needs the triggers again before its next edit.
                        await InstallTriggersAsync(replaced.ToList(), cancellationToken).ConfigureAwait(false);
                        replaced.Clear();
                    }

                    if (pending.Count == 0)
                        continue;
                    var batch = pending.ToList();
                    pending.Clear();
                    await onChanges(batch, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                onError(e);
                try
                {
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Raised each time the LISTEN is (re)established; tests wait on it.</summary>
    public event Action? Connected;

    private void Collect(string payload, List<TableChange> pending, List<PostGisTable> replaced)
    {
        if (ChangeNotification.Parse(payload) is not { } change || !tables.TryGetValue((change.Schema, change.Table), out var table))
            return;
        pending.Add(new TableChange(table.Info.Table, change.Boxes ?? []));
        if (change.Replaced)
            replaced.Add(table);
    }
}
