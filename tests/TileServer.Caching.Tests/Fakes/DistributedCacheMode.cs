namespace TileServer.Caching.Tests.Fakes;

public enum DistributedCacheMode
{
    Working,
    Throwing,
    Hanging,
}
