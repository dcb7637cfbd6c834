namespace TileServer.Caching.Redis;

public enum RedisHealthState
{
    /// <summary>The first connection attempt is under way.</summary>
    Connecting,

    /// <summary>A connection is open and authenticated; commands are sent.</summary>
    Connected,

    /// <summary>The circuit is open: commands fail fast while a background loop reconnects.</summary>
    Degraded,

    /// <summary>The client was disposed.</summary>
    Disposed,
}
