namespace TileServer.Sources.PostGis.Querying;

using System.Net.Sockets;
using Npgsql;
using TileServer.Core.Errors;

/// <summary>Decides which database failures mean "PostgreSQL cannot answer right now" (→ Core's
/// <see cref="SourceUnavailableException"/>, HTTP 503 + Retry-After) as opposed to bugs in a query.</summary>
internal static class UnavailabilityTranslator
{
    /// <summary>Returns the unavailability to throw instead of <paramref name="exception"/>, or null when
    /// the exception is not about availability (or is the caller's own cancellation).</summary>
    public static SourceUnavailableException? Translate(Exception exception, string sourceId, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return null;
        return IsUnavailability(exception)
            ? new SourceUnavailableException($"PostGIS source {sourceId} is unavailable: {OneLine(exception.Message)}", retryAfter, exception)
            : null;
    }

    private static bool IsUnavailability(Exception exception) => exception switch
    {
        PostgresException p => IsUnavailableState(p.SqlState),
        // Npgsql marks network failures, pool-exhaustion and client-side timeouts as transient.
        NpgsqlException n => n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException,
        SocketException or IOException or TimeoutException => true,
        // A timeout of the data source's pool wait surfaces as OperationCanceledException without our token.
        OperationCanceledException { InnerException: { } inner } => IsUnavailability(inner),
        _ => false,
    };

    /// <summary>SQLSTATE classes (PostgreSQL docs Appendix A): 08 connection exception, 53 insufficient
    /// resources (e.g. 53300 too_many_connections), 57P01 admin_shutdown, 57P02 crash_shutdown,
    /// 57P03 cannot_connect_now (starting up), 57014 query_canceled — reached only through the server's
    /// statement_timeout since our own cancellations are filtered out before — and 40001/40P01
    /// serialization failures and deadlocks, which a retry resolves.</summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) ||
        state is "57P01" or "57P02" or "57P03" or "57014" or "40001" or "40P01";

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
