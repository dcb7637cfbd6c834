namespace TileServer.Sources.PostGis;

using Npgsql;

/// <summary>Builds the bounded, fail-fast Npgsql data sources used by the source and the importer.</summary>
internal static class PostGisConnectionFactory
{
    public static NpgsqlDataSource Create(PostGisSourceOptions options, string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            ApplicationName = applicationName,
            Pooling = true,
            MaxPoolSize = options.MaxPoolSize,
            MinPoolSize = 0,
            // Seconds, rounded up; used both for the TCP connect and for waiting on a full pool, so an
            // outage or exhaustion fails within it instead of hanging (Npgsql connection string docs).
            Timeout = Seconds(options.ConnectTimeout),
            // Client-side guard a little above the server's statement_timeout, for a dead peer.
            CommandTimeout = Seconds(options.StatementTimeout) + 5,
            // Tile statements repeat with new parameters: let Npgsql prepare the hot ones server-side.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 3,
            // A connection handed back to the pool is otherwise reset with a multi-statement batch (RESET ALL,
            // CLOSE ALL, UNLISTEN *, advisory unlocks, DISCARD …) sent ahead of the next statement: measured at
            // 0.3 ms of server time per light tile, as much as the tile's own query. Nothing on these pooled
            // connections changes session state (settings come with the startup Options below, LISTEN runs on
            // the change listener's own connection), and Npgsql still rolls back an open transaction on close.
            NoResetOnClose = true,
            // How long Npgsql waits for PostgreSQL to confirm a cancel request before it breaks the
            // connection instead (milliseconds).
            CancellationTimeout = 1000,
        };
        // Server-side statement_timeout for every statement of the session (PostgreSQL docs §20.11).
        var timeoutMs = (long)Math.Ceiling(options.StatementTimeout.TotalMilliseconds);
        builder.Options = $"{builder.Options} -c statement_timeout={timeoutMs}".Trim();
        // A cancel request that reaches the backend between two protocol messages of a statement is dropped
        // (PostgreSQL only honours it while executing), so Npgsql gives up after CancellationTimeout and
        // closes the socket. The server then only notices when it next writes, which a long query does not:
        // checking the client socket every second (PostgreSQL 14+, §20.3.1) ends the orphaned query soon.
        builder.Options = $"{builder.Options} -c client_connection_check_interval=1000";
        return NpgsqlDataSource.Create(builder);
    }

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
