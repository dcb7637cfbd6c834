namespace TileServer.Services.Planning;

using System.Runtime.ExceptionServices;
using System.Threading.Channels;

/// <summary>Reads a layer to the end while a second thread works on the features already read. The reader never
/// waits for that work (the queue between them is unbounded), so a database statement is held open no longer than
/// reading takes and its statement timeout is not spent on our computation; yet each feature is measured and
/// released as soon as the worker gets to it, instead of the whole layer being buffered first. Memory is what the
/// worker lags behind, at worst the whole layer (what buffering always cost).</summary>
internal static class ReadAhead
{
    /// <summary>Feeds every item to <paramref name="consume"/>, one at a time and in order, on one worker thread;
    /// completes when all are consumed. A failure on either side stops the other and is rethrown.</summary>
    public static async Task RunAsync<T>(IAsyncEnumerable<T> items, Action<T> consume, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var worker = Task.Run(() => ConsumeAsync(queue.Reader, consume, stop), CancellationToken.None);
        Exception? readFailure = null;
        try
        {
            await foreach (var item in items.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                queue.Writer.TryWrite(item);
            }
        }
        catch (Exception failure)
        {
            readFailure = failure;
            await stop.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            queue.Writer.TryComplete();
        }

        try
        {
            // A failure of the work wins: it is why reading was cancelled.
            await worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (readFailure is not null)
        {
            // The worker stopped because reading failed; that failure is rethrown below.
        }

        if (readFailure is not null)
        {
            ExceptionDispatchInfo.Throw(readFailure);
        }
    }

    private static async Task ConsumeAsync<T>(ChannelReader<T> queue, Action<T> consume, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var item in queue.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                consume(item);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
