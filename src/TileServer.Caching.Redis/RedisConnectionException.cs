namespace TileServer.Caching.Redis;

/// <summary>The connection could not be opened, or broke while the command was in flight.</summary>
public sealed class RedisConnectionException(string message, Exception? innerException = null)
    : RedisException(message, innerException);
