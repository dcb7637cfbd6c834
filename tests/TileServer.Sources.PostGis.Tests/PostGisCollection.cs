namespace TileServer.Sources.PostGis.Tests;

/// <summary>One shared database per run; the outage test stops the server, so nothing runs in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class PostGisCollection : ICollectionFixture<PostGisDatabaseFixture>
{
    public const string Name = "PostGIS";
}
