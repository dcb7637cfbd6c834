namespace TileServer.Caching.Redis;

/// <summary>Base of every failure this client reports, so callers (e.g. a tiered tile cache falling back
/// to production) can catch one type.</summary>
public abstract class RedisException : Exception
{
    protected RedisException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
