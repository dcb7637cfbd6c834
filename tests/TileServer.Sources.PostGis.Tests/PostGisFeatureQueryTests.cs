namespace TileServer.Sources.PostGis.Tests;

using TileServer.Core.Features;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>The shared query scenarios against a real PostGIS table imported from the same dataset as the
/// GeoPackage tests use: both sources must return the same ids for every filter, sort and page.</summary>
[Collection(PostGisCollection.Name)]
public sealed class PostGisFeatureQueryTests(PostGisDatabaseFixture database) : FeatureQueryScenarios
{
    protected override async Task<(IFeatureSource Source, string Table)> OpenAsync()
    {
        var (source, imported, _) = await QueryDatasetTables.LoadAsync(database);
        return (source, imported);
    }
}
