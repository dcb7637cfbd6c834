namespace TileServer.Sources.PostGis.Tests;

using TileServer.Core.Features;
using TileServer.Sources.PostGis.Import;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>The shared query scenarios against a real PostGIS table imported from the same dataset as the
/// GeoPackage tests use: both sources must return the same ids for every filter, sort and page.</summary>
[Collection(PostGisCollection.Name)]
public sealed class PostGisFeatureQueryTests(PostGisDatabaseFixture database) : FeatureQueryScenarios
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Schema, PostGisFeatureSource Source, string Table)? loaded;

    /// <summary>Imports once per test run (xunit makes an instance per test); the schema is the run's.</summary>
    protected override async Task<(IFeatureSource Source, string Table)> OpenAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (loaded is not { } current || current.Schema != database.Schema)
            {
                var name = PostGisDatabaseFixture.NewTableName("query_dataset");
                await using (var importer = new PostGisImporter(database.ConnectionString))
                    await importer.ImportAsync([QueryDataset.Layer(name)], new ImportOptions { TargetSchema = database.Schema });
                current = (database.Schema, new PostGisFeatureSource("q", PostGisLayerSetup.Options(database)), $"{database.Schema}.{name}");
                loaded = current;
            }

            return (current.Source, current.Table);
        }
        finally
        {
            Gate.Release();
        }
    }
}
