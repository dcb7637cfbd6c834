namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Tests.Support;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>The shared query scenarios on a GeoPackage without the optional R-tree extension (GeoPackage 1.3
/// Annex F.3 is optional): bounds and spatial filters fall back to the exact test on every row.</summary>
public sealed class GeoPackageWithoutRTreeQueryTests(GeoPackageWithoutRTreeQueryTests.Store store)
    : FeatureQueryScenarios, IClassFixture<GeoPackageWithoutRTreeQueryTests.Store>
{
    protected override Task<(IFeatureSource Source, string Table)> OpenAsync() => Task.FromResult<(IFeatureSource, string)>((store.Source, "query_dataset"));

    [Fact]
    public void The_file_really_has_no_spatial_index()
    {
        using var connection = Sql.Open(store.Path);
        Assert.Equal(0L, Sql.Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'rtree%'"));
    }

    /// <summary>One file for all scenarios, its R-tree table and triggers dropped after writing.</summary>
    public sealed class Store : IDisposable
    {
        private readonly TemporaryDirectory directory = new();

        public Store()
        {
            Path = directory.File("no-rtree.gpkg");
            GeoPackageWriter.Write(Path, [QueryDataset.Layer("query_dataset")]);
            using (var connection = Sql.Open(Path, writable: true))
            {
                foreach (var trigger in Sql.Rows(connection, "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
                    Sql.Execute(connection, $"DROP TRIGGER \"{trigger[0]}\"");
                Sql.Execute(connection, "DROP TABLE rtree_query_dataset_geom");
                Sql.Execute(connection, "DELETE FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'");
            }

            Source = new GeoPackageFeatureSource("q", Path);
        }

        public string Path { get; }

        public GeoPackageFeatureSource Source { get; }

        public void Dispose()
        {
            Source.Dispose();
            directory.Dispose();
        }
    }
}
