namespace TileServer.Sources.GeoPackage.Reading;

using Microsoft.Data.Sqlite;

/// <summary>Cancellation of a running SQLite call: the token interrupts the connection (sqlite3_interrupt is
/// documented as safe to call from another thread; it ends a running step with SQLITE_INTERRUPT), and the
/// interrupted call surfaces as the cancellation it is.</summary>
internal static class SqliteInterruption
{
    /// <summary>SQLITE_INTERRUPT: raised by sqlite3_interrupt when a query is cancelled.</summary>
    private const int SqliteInterrupt = 9;

    /// <summary>Interrupts <paramref name="connection"/> when <paramref name="cancellationToken"/> is cancelled,
    /// until the registration is disposed.</summary>
    public static CancellationTokenRegistration Register(SqliteConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.Register(static state => SQLitePCL.raw.sqlite3_interrupt(((SqliteConnection)state!).Handle), connection);

    /// <summary>Runs one SQLite call; SQLITE_INTERRUPT raised because the token was cancelled becomes an
    /// <see cref="OperationCanceledException"/>.</summary>
    public static TResult Run<TState, TResult>(Func<TState, TResult> call, TState state, CancellationToken cancellationToken)
    {
        try
        {
            return call(state);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupt && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("GeoPackage query cancelled", e, cancellationToken);
        }
    }
}
