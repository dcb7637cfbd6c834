namespace TileServer.Core.Caching;

public enum CacheHealthState
{
    /// <summary>Every configured tier answers.</summary>
    Healthy,

    /// <summary>A tier (the distributed one) fails; requests are served from memory or the source.</summary>
    Degraded,
}
