namespace TileServer.Caching.Tests.Redis;

/// <summary>The tests on the real Redis run one after the other: one of them shuts the server down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisCollection
{
    public const string Name = "real redis";
}
