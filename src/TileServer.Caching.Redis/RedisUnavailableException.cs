namespace TileServer.Caching.Redis;

/// <summary>Thrown at once, without touching the network, while the circuit is open: the last connection
/// failed and the background reconnect has not succeeded yet. <see cref="Exception.InnerException"/> is
/// the failure that opened the circuit.</summary>
public sealed class RedisUnavailableException(string message, Exception? lastError)
    : RedisException(message, lastError);
