namespace TileServer.Caching.Redis.Connection;

using TileServer.Caching.Redis.Resp;

/// <summary>A command waiting for its reply. Continuations run asynchronously so that a caller's code
/// never runs on (and stalls) the connection's reader loop.</summary>
internal sealed class PendingCommand(byte[] payload)
{
    private int written;

    public byte[] Payload { get; } = payload;

    public TaskCompletionSource<RespValue> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the writer has queued the command for its reply, i.e. the server will answer it.</summary>
    public bool IsWritten => Volatile.Read(ref written) == 1;

    /// <summary>True when the caller stopped waiting (timeout, cancellation) before the command was sent,
    /// so the writer can drop it instead of sending it.</summary>
    public bool IsAbandoned => Completion.Task.IsCompleted;

    public void MarkWritten() => Volatile.Write(ref written, 1);

    /// <summary>Completes the caller's task; a top-level error reply becomes a <see cref="RedisServerException"/>.</summary>
    public void Complete(RespValue reply)
    {
        if (reply.Kind == RespKind.Error)
        {
            Completion.TrySetException(new RedisServerException(reply.AsText() ?? "ERR"));
        }
        else
        {
            Completion.TrySetResult(reply);
        }
    }
}
