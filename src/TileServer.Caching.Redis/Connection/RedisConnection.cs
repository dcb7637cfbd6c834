namespace TileServer.Caching.Redis.Connection;

using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using TileServer.Caching.Redis.Resp;

/// <summary>One socket shared by all callers. A writer loop sends queued commands back to back (pipelining,
/// coalesced into few writes) and a reader loop parses replies and hands each to the oldest waiting command:
/// Redis answers the commands of one connection strictly in order (RESP spec, "Pipelining"), so a FIFO of
/// sent commands is all the matching needed. Any I/O or protocol failure faults the whole connection:
/// after a lost or garbled reply the order can no longer be trusted.</summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private const int CoalesceLimit = 16 * 1024;

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly string endPoint;
    private readonly Action<RedisConnection, Exception> onFault;
    private readonly Channel<PendingCommand> outgoing = Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<PendingCommand> awaitingReply = new();
    private readonly CancellationTokenSource shutdown = new();
    private Task writerLoop = Task.CompletedTask;
    private Task readerLoop = Task.CompletedTask;
    private int faulted;

    private RedisConnection(Socket socket, string endPoint, Action<RedisConnection, Exception> onFault)
    {
        this.socket = socket;
        this.endPoint = endPoint;
        this.onFault = onFault;
        stream = new NetworkStream(socket, ownsSocket: true);
    }

    public bool IsFaulted => Volatile.Read(ref faulted) == 1;

    /// <summary>Connects, authenticates and selects the database, all within <c>ConnectTimeout</c>.</summary>
    public static async Task<RedisConnection> OpenAsync(
        RedisEndpointOptions options, Action<RedisConnection, Exception> onFault, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        }
        catch (Exception ex)
        {
            socket.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw ex is OperationCanceledException
                ? new RedisTimeoutException($"Redis at {options.EndPointText}: connect timed out after {options.ConnectTimeout.TotalMilliseconds:0} ms.")
                : new RedisConnectionException($"Redis at {options.EndPointText}: cannot connect: {ex.Message}", ex);
        }

        var connection = new RedisConnection(socket, options.EndPointText, onFault);
        connection.writerLoop = Task.Run(connection.WriteLoopAsync, CancellationToken.None);
        connection.readerLoop = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
        try
        {
            await ConnectionHandshake.RunAsync(connection, options, timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends one encoded command and waits for its reply at most <paramref name="timeout"/>.
    /// A timeout faults the connection: a server that does not answer is treated like a dead one, so that
    /// the client fails fast afterwards instead of letting every request wait out the same timeout.</summary>
    public async Task<RespValue> ExecuteAsync(byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var command = new PendingCommand(payload);
        if (IsFaulted || !outgoing.Writer.TryWrite(command))
        {
            throw new RedisConnectionException($"Redis at {endPoint}: the connection is closed.");
        }

        try
        {
            return await command.Completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var error = new RedisTimeoutException($"Redis at {endPoint}: no reply within {timeout.TotalMilliseconds:0} ms.");
            command.Completion.TrySetException(error);
            Fault(error);
            throw error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Not sent yet: the writer drops it. Already sent: its reply is read and discarded.
            command.Completion.TrySetCanceled(cancellationToken);
            throw;
        }
    }

    /// <summary>Closes the connection once, fails every waiting command and reports the failure.</summary>
    public void Fault(Exception reason)
    {
        if (Interlocked.Exchange(ref faulted, 1) == 1)
        {
            return;
        }

        outgoing.Writer.TryComplete();
        shutdown.Cancel();
        stream.Dispose();
        FailWaitingCommands(reason);

        // The loops may still move a command from the channel to the reply queue while they stop: fail
        // whatever is left once both have ended.
        _ = Task.WhenAll(writerLoop, readerLoop).ContinueWith(
            _ => FailWaitingCommands(reason), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        onFault(this, reason);
    }

    public async ValueTask DisposeAsync()
    {
        Fault(new RedisConnectionException($"Redis at {endPoint}: the connection was closed by the client."));
        try
        {
            await Task.WhenAll(writerLoop, readerLoop).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The loops report their failures through Fault; nothing is left to do with them here.
        }

        shutdown.Dispose();
    }

    private void FailWaitingCommands(Exception reason)
    {
        var error = reason as RedisException ?? new RedisConnectionException($"Redis at {endPoint}: {reason.Message}", reason);
        while (awaitingReply.TryDequeue(out PendingCommand? command))
        {
            command.Completion.TrySetException(error);
        }

        while (outgoing.Reader.TryRead(out PendingCommand? command))
        {
            command.Completion.TrySetException(error);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new byte[CoalesceLimit];
        int used = 0;
        CancellationToken token = shutdown.Token;
        try
        {
            ChannelReader<PendingCommand> reader = outgoing.Reader;
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                // Drain everything queued so far into as few socket writes as possible, then flush.
                while (reader.TryRead(out PendingCommand? command))
                {
                    if (command.IsAbandoned)
                    {
                        continue;
                    }

                    // Queue for the reply before the bytes leave: the reply cannot arrive before it is expected.
                    awaitingReply.Enqueue(command);
                    command.MarkWritten();
                    byte[] payload = command.Payload;
                    if (payload.Length > CoalesceLimit - used && used > 0)
                    {
                        await stream.WriteAsync(batch.AsMemory(0, used), token).ConfigureAwait(false);
                        used = 0;
                    }

                    if (payload.Length > CoalesceLimit)
                    {
                        await stream.WriteAsync(payload, token).ConfigureAwait(false);
                    }
                    else
                    {
                        payload.CopyTo(batch, used);
                        used += payload.Length;
                    }
                }

                if (used > 0)
                {
                    await stream.WriteAsync(batch.AsMemory(0, used), token).ConfigureAwait(false);
                    used = 0;
                }
            }
        }
        catch (Exception ex) when (!IsFaulted)
        {
            Fault(new RedisConnectionException($"Redis at {endPoint}: write failed: {ex.Message}", ex));
        }
        catch (Exception)
        {
            // Already faulted (this is the socket closing under us): the fault has been reported.
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ReceiveBuffer();
        CancellationToken token = shutdown.Token;
        try
        {
            while (true)
            {
                int received = await stream.ReadAsync(buffer.GetFreeSpace(), token).ConfigureAwait(false);
                if (received == 0)
                {
                    throw new RedisConnectionException($"Redis at {endPoint}: the server closed the connection.");
                }

                buffer.Advance(received);
                while (RespParser.TryParse(buffer.Unread, out RespValue? reply, out int consumed))
                {
                    buffer.Consume(consumed);
                    if (!awaitingReply.TryDequeue(out PendingCommand? command))
                    {
                        throw new RespProtocolException($"Redis at {endPoint}: a reply arrived with no command waiting for it.");
                    }

                    command.Complete(reply!);
                }
            }
        }
        catch (Exception ex) when (!IsFaulted)
        {
            Fault(ex as RedisException ?? new RedisConnectionException($"Redis at {endPoint}: read failed: {ex.Message}", ex));
        }
        catch (Exception)
        {
            // Already faulted: the fault has been reported.
        }
    }
}
