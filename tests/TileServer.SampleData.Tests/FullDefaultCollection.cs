namespace TileServer.SampleData.Tests;

[CollectionDefinition(Name)]
public sealed class FullDefaultCollection : ICollectionFixture<FullDefaultFixture>
{
    public const string Name = "full default dataset";
}
