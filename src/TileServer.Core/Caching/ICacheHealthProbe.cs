namespace TileServer.Core.Caching;

/// <summary>Lets /health read a cache's state without knowing the cache's implementation.</summary>
public interface ICacheHealthProbe
{
    CacheHealth Health { get; }
}
