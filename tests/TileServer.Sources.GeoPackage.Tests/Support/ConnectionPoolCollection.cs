namespace TileServer.Sources.GeoPackage.Tests.Support;

/// <summary>Tests that observe SQLite's connection pool run alone: other tests clear all pools when they clean up.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConnectionPoolCollection
{
    public const string Name = "SQLite connection pool";
}
