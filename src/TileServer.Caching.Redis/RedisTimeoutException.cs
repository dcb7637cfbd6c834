namespace TileServer.Caching.Redis;

/// <summary>No reply within the command timeout (syncTimeout) or the connection was not opened within
/// connectTimeout.</summary>
public sealed class RedisTimeoutException(string message) : RedisException(message);
