namespace TileServer.Sources.GeoPackage.Tests.Reading;

using TileServer.Core.Features;
using TileServer.Sources.GeoPackage.Tests.Support;
using TileServer.Tests.Shared.FeatureQueries;

/// <summary>The shared query scenarios against a GeoPackage written by <see cref="GeoPackageWriter"/>.</summary>
public sealed class GeoPackageFeatureQueryTests(GeoPackageFeatureQueryTests.Store store)
    : FeatureQueryScenarios, IClassFixture<GeoPackageFeatureQueryTests.Store>
{
    protected override Task<(IFeatureSource Source, string Table)> OpenAsync() => Task.FromResult<(IFeatureSource, string)>((store.Source, "query_dataset"));

    /// <summary>One file for all scenarios.</summary>
    public sealed class Store : IDisposable
    {
        private readonly TemporaryDirectory directory = new();

        public Store()
        {
            var path = directory.File("queries.gpkg");
            GeoPackageWriter.Write(path, [QueryDataset.Layer("query_dataset")]);
            Source = new GeoPackageFeatureSource("q", path);
        }

        public GeoPackageFeatureSource Source { get; }

        public void Dispose()
        {
            Source.Dispose();
            directory.Dispose();
        }
    }
}
