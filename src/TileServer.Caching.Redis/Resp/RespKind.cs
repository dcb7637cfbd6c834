namespace TileServer.Caching.Redis.Resp;

/// <summary>The five RESP2 reply types, named after their first byte in the RESP specification
/// (https://redis.io/docs/latest/develop/reference/protocol-spec/#resp-protocol-description).</summary>
public enum RespKind
{
    /// <summary><c>+</c>: a line of text without CR or LF.</summary>
    SimpleString,

    /// <summary><c>-</c>: an error line; the first word is the error prefix (ERR, WRONGTYPE, NOAUTH, …).</summary>
    Error,

    /// <summary><c>:</c>: a signed 64-bit integer.</summary>
    Integer,

    /// <summary><c>$</c>: a binary-safe string, or the null bulk string <c>$-1</c>.</summary>
    BulkString,

    /// <summary><c>*</c>: an array of replies (possibly nested), or the null array <c>*-1</c>.</summary>
    Array,
}
