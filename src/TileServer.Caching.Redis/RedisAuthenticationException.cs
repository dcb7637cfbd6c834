namespace TileServer.Caching.Redis;

/// <summary>The server refused the password (AUTH answered WRONGPASS/ERR) or demanded one (NOAUTH).
/// Reconnecting does not help until the configuration is fixed, but the client keeps retrying with
/// its longest back-off so a corrected server password is picked up.</summary>
public sealed class RedisAuthenticationException(string message) : RedisException(message);
