namespace TileServer.Caching.Redis.Resp;

/// <summary>The byte stream from the server is not valid RESP2. The connection cannot be trusted any
/// more (replies could no longer be matched to commands), so it is closed.</summary>
public sealed class RespProtocolException(string message) : RedisException(message);
