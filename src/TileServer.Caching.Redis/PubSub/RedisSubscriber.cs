namespace TileServer.Caching.Redis.PubSub;

using System.Net.Sockets;
using TileServer.Caching.Redis.Connection;
using TileServer.Caching.Redis.Resp;

/// <summary>Receives the messages of one Redis channel on a dedicated connection: a connection in subscribed
/// state may only send (P|S)SUBSCRIBE, UNSUBSCRIBE, PING and QUIT (RESP2, https://redis.io/docs/latest/develop/pubsub/),
/// so it cannot share the multiplexed command connection. The connection heals itself with the client's back-off;
/// because Redis does not keep messages for absent subscribers, <paramref name="onSubscribed"/> is told whether
/// the subscription is a re-subscription, after which messages may have been missed.</summary>
public sealed class RedisSubscriber : IAsyncDisposable
{
    private readonly RedisEndpointOptions options;
    private readonly string channel;
    private readonly Func<byte[], Task> onMessage;
    private readonly Func<bool, Task> onSubscribed;
    private readonly ReconnectBackoff backoff;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private volatile bool subscribed;

    /// <param name="onMessage">Called for each message, one at a time, in order of arrival.</param>
    /// <param name="onSubscribed">Called after each SUBSCRIBE succeeded, with true after a reconnect.</param>
    public RedisSubscriber(RedisEndpointOptions options, string channel, Func<byte[], Task> onMessage, Func<bool, Task> onSubscribed)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.channel = channel;
        this.onMessage = onMessage;
        this.onSubscribed = onSubscribed;
        backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay);
        loop = Task.Run(RunAsync, CancellationToken.None);
    }

    public bool IsSubscribed => subscribed;

    public Exception? LastError { get; private set; }

    private async Task RunAsync()
    {
        int failures = 0;
        bool everSubscribed = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ListenOnceAsync(everSubscribed, () => { everSubscribed = true; failures = 0; }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LastError = ex;
            }

            subscribed = false;
            try
            {
                await Task.Delay(backoff.Delay(failures++), stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenOnceAsync(bool resubscribe, Action onSubscribe)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
        {
            connect.CancelAfter(options.ConnectTimeout);
            await socket.ConnectAsync(options.Host, options.Port, connect.Token).ConfigureAwait(false);
        }

        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var buffer = new ReceiveBuffer();
        if (options.Password is not null)
        {
            RedisArgument[] auth = options.User is null ? ["AUTH", options.Password] : ["AUTH", options.User, options.Password];
            await stream.WriteAsync(RespCommandEncoder.Encode(auth), stop.Token).ConfigureAwait(false);
            RespValue reply = await ReadAsync(stream, buffer).ConfigureAwait(false);
            if (reply.Kind == RespKind.Error)
            {
                throw new RedisAuthenticationException($"Redis at {options.EndPointText} rejected the password for the subscription ({reply}).");
            }
        }

        // Channels are not scoped by database, so no SELECT is needed.
        await stream.WriteAsync(RespCommandEncoder.Encode(["SUBSCRIBE", channel]), stop.Token).ConfigureAwait(false);
        while (true)
        {
            RespValue push = await ReadAsync(stream, buffer).ConfigureAwait(false);
            if (push.Items is not [{ } kind, _, { } third])
            {
                throw new RespProtocolException($"Redis at {options.EndPointText}: unexpected reply on the subscription: {push}");
            }

            switch (kind.AsText())
            {
                case "subscribe":
                    // Resynchronized before reporting the subscription open, so that whoever waits for it
                    // sees the local state already dropped.
                    onSubscribe();
                    await onSubscribed(resubscribe).ConfigureAwait(false);
                    subscribed = true;
                    break;
                case "message" when third.Bytes is { } payload:
                    try
                    {
                        await onMessage(payload).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A bad message must not end the subscription; the handler reports its own failures.
                        LastError = ex;
                    }

                    break;
            }
        }
    }

    private async Task<RespValue> ReadAsync(NetworkStream stream, ReceiveBuffer buffer)
    {
        while (true)
        {
            if (RespParser.TryParse(buffer.Unread, out RespValue? value, out int consumed))
            {
                buffer.Consume(consumed);
                return value!;
            }

            int received = await stream.ReadAsync(buffer.GetFreeSpace(), stop.Token).ConfigureAwait(false);
            if (received == 0)
            {
                throw new RedisConnectionException($"Redis at {options.EndPointText}: the server closed the subscription.");
            }

            buffer.Advance(received);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
    }
}
