namespace TileServer.Caching.Redis;

/// <summary>The server answered a command with an error reply (<c>-WRONGTYPE …</c>, <c>-ERR …</c>).
/// The connection stays healthy.</summary>
public sealed class RedisServerException(string message) : RedisException(message)
{
    /// <summary>The first word of the error, which the RESP spec calls the error prefix (ERR, WRONGTYPE, NOAUTH…).</summary>
    public string Prefix { get; } = message.Split(' ', 2)[0];
}
