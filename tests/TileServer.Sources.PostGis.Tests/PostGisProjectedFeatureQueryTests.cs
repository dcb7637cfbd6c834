namespace TileServer.Sources.PostGis.Tests;

using TileServer.Core.Features;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>The shared query scenarios against the Gauss-Krüger copy with varchar, int4 and numeric columns:
/// operands and boxes are transformed into EPSG:4547, literals compared with the columns' own types.</summary>
[Collection(PostGisCollection.Name)]
public sealed class PostGisProjectedFeatureQueryTests(PostGisDatabaseFixture database) : FeatureQueryScenarios
{
    protected override async Task<(IFeatureSource Source, string Table)> OpenAsync()
    {
        var (source, _, projected) = await QueryDatasetTables.LoadAsync(database);
        return (source, projected);
    }
}
