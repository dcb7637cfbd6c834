namespace TileServer.Caching;

using TileServer.Core.Caching;

/// <summary>One tile being loaded or produced, shared by every request waiting for it. Its cancellation
/// token fires when the last waiter has gone (all clients disconnected), so that a tile nobody wants any
/// more stops its database query; while one waiter remains, the others' departures do not affect it.</summary>
internal sealed class InFlightProduction
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource abandoned = new();
    private int waiters;
    private bool closed;

    public Task<TileLookup>? Task { get; private set; }

    public CancellationToken Abandoned => abandoned.Token;

    /// <summary>Registers a waiter; false when the production was already abandoned (start a new one).</summary>
    public bool TryJoin(Func<InFlightProduction, Task<TileLookup>> start)
    {
        lock (gate)
        {
            if (closed)
            {
                return false;
            }

            waiters++;
            Task ??= start(this);
            return true;
        }
    }

    /// <summary>Removes a waiter; returns true when this was the last one of an unfinished production,
    /// which is then cancelled and must be forgotten by the caller.</summary>
    public bool Leave()
    {
        lock (gate)
        {
            waiters--;
            if (waiters > 0 || Task is null || Task.IsCompleted)
            {
                return false;
            }

            closed = true;
        }

        abandoned.Cancel();
        return true;
    }
}
