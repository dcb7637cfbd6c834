namespace TileServer.Caching.Redis.Tests.Server;

/// <summary>Tests against the real server run one at a time: the outage test stops the server, and the
/// pipelining test counts connections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisServerCollection
{
    public const string Name = "redis-server";
}
