namespace TileServer.Tests.Support;

/// <summary>Tests that stop a shared service (PostgreSQL, Redis) run alone, never beside tests using it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceOutageCollection
{
    public const string Name = "service outages";
}
